package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A role (a group of privileges) on a DatabaseInstance. */
public class DatabaseRoleSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "instanceRef is immutable")
  @JsonPropertyDescription("The DatabaseInstance that hosts this role.")
  private ResourceRef instanceRef;

  @Required
  @Size(min = 1, max = 63)
  @Pattern(Identifiers.PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "roleName is immutable")
  @JsonPropertyDescription("The role's name on the server.")
  private String roleName;

  @JsonPropertyDescription("PostgreSQL attributes and privileges.")
  private PostgresRoleSpec postgres = new PostgresRoleSpec();

  @JsonPropertyDescription("MySQL/MariaDB privileges.")
  private MySqlRoleSpec mysql = new MySqlRoleSpec();

  @JsonPropertyDescription("Overrides the instance's drift policy.")
  private DriftPolicy driftPolicy;

  public ResourceRef getInstanceRef() {
    return instanceRef;
  }

  public void setInstanceRef(ResourceRef instanceRef) {
    this.instanceRef = instanceRef;
  }

  public String getRoleName() {
    return roleName;
  }

  public void setRoleName(String roleName) {
    this.roleName = roleName;
  }

  public PostgresRoleSpec getPostgres() {
    return postgres;
  }

  public void setPostgres(PostgresRoleSpec postgres) {
    this.postgres = postgres;
  }

  public MySqlRoleSpec getMysql() {
    return mysql;
  }

  public void setMysql(MySqlRoleSpec mysql) {
    this.mysql = mysql;
  }

  public DriftPolicy getDriftPolicy() {
    return driftPolicy;
  }

  public void setDriftPolicy(DriftPolicy driftPolicy) {
    this.driftPolicy = driftPolicy;
  }
}
