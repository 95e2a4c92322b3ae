package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Privileges on objects that a role creates in the future (ALTER DEFAULT PRIVILEGES). */
public class PostgresDefaultPrivilege {
  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Database the default privileges apply in.")
  private String database;

  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Schema the default privileges apply in.")
  private String schema;

  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Role whose future objects are covered (FOR ROLE).")
  private String grantedBy;

  @Required
  @JsonPropertyDescription("Kind of objects covered.")
  private PostgresObjectType objectType;

  @Required
  @Size(min = 1, max = 20)
  @JsonPropertyDescription("Privileges to grant on those objects.")
  private List<@Pattern(Formats.PRIVILEGE) @Size(max = 64) String> privileges;

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public String getGrantedBy() {
    return grantedBy;
  }

  public void setGrantedBy(String grantedBy) {
    this.grantedBy = grantedBy;
  }

  public PostgresObjectType getObjectType() {
    return objectType;
  }

  public void setObjectType(PostgresObjectType objectType) {
    this.objectType = objectType;
  }

  public List<String> getPrivileges() {
    return privileges;
  }

  public void setPrivileges(List<String> privileges) {
    this.privileges = privileges;
  }
}
