package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import java.util.List;
import java.util.Map;

/** PostgreSQL role attributes of a login. */
public class PostgresUserSpec {
  @Default("-1")
  @Min(-1)
  @JsonPropertyDescription("Maximum concurrent connections; -1 for no limit.")
  private Integer connectionLimit = -1;

  @JsonPropertyDescription("Password expiry as an RFC 3339 timestamp; never when empty.")
  private String validUntil;

  @Default("true")
  @JsonPropertyDescription("May log in (LOGIN).")
  private Boolean login = Boolean.TRUE;

  @Default("true")
  @JsonPropertyDescription("Inherits the privileges of roles it is a member of (INHERIT).")
  private Boolean inherit = Boolean.TRUE;

  @JsonPropertyDescription("May create databases (CREATEDB).")
  private Boolean createDB;

  @JsonPropertyDescription("May create roles (CREATEROLE).")
  private Boolean createRole;

  @JsonPropertyDescription("Superuser (SUPERUSER); removing it is a destructive correction.")
  private Boolean superuser;

  @JsonPropertyDescription("May start streaming replication (REPLICATION).")
  private Boolean replication;

  @JsonPropertyDescription("Bypasses row-level security (BYPASSRLS).")
  private Boolean bypassRLS;

  @JsonPropertyDescription("Roles this one is a member of.")
  private List<String> inRoles;

  @JsonPropertyDescription("Session defaults set with ALTER ROLE ... SET, for example search_path.")
  private Map<String, String> configParameters;

  public Integer getConnectionLimit() {
    return connectionLimit;
  }

  public void setConnectionLimit(Integer connectionLimit) {
    this.connectionLimit = connectionLimit;
  }

  public String getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(String validUntil) {
    this.validUntil = validUntil;
  }

  public Boolean getLogin() {
    return login;
  }

  public void setLogin(Boolean login) {
    this.login = login;
  }

  public Boolean getInherit() {
    return inherit;
  }

  public void setInherit(Boolean inherit) {
    this.inherit = inherit;
  }

  public Boolean getCreateDB() {
    return createDB;
  }

  public void setCreateDB(Boolean createDB) {
    this.createDB = createDB;
  }

  public Boolean getCreateRole() {
    return createRole;
  }

  public void setCreateRole(Boolean createRole) {
    this.createRole = createRole;
  }

  public Boolean getSuperuser() {
    return superuser;
  }

  public void setSuperuser(Boolean superuser) {
    this.superuser = superuser;
  }

  public Boolean getReplication() {
    return replication;
  }

  public void setReplication(Boolean replication) {
    this.replication = replication;
  }

  public Boolean getBypassRLS() {
    return bypassRLS;
  }

  public void setBypassRLS(Boolean bypassRLS) {
    this.bypassRLS = bypassRLS;
  }

  public List<String> getInRoles() {
    return inRoles;
  }

  public void setInRoles(List<String> inRoles) {
    this.inRoles = inRoles;
  }

  public Map<String, String> getConfigParameters() {
    return configParameters;
  }

  public void setConfigParameters(Map<String, String> configParameters) {
    this.configParameters = configParameters;
  }
}
