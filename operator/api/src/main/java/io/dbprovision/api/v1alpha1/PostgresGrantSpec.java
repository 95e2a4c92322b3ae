package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** PostgreSQL role memberships and privileges. */
public class PostgresGrantSpec {
  @JsonPropertyDescription("Roles the grantee becomes a member of.")
  private List<String> roles;

  @JsonPropertyDescription("Object privileges.")
  private List<PostgresGrant> grants;

  @JsonPropertyDescription("Default privileges on future objects.")
  private List<PostgresDefaultPrivilege> defaultPrivileges;

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public List<PostgresGrant> getGrants() {
    return grants;
  }

  public void setGrants(List<PostgresGrant> grants) {
    this.grants = grants;
  }

  public List<PostgresDefaultPrivilege> getDefaultPrivileges() {
    return defaultPrivileges;
  }

  public void setDefaultPrivileges(List<PostgresDefaultPrivilege> defaultPrivileges) {
    this.defaultPrivileges = defaultPrivileges;
  }
}
