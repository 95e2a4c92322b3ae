package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** MySQL/MariaDB role memberships and privileges. */
public class MySqlGrantSpec {
  @JsonPropertyDescription("Roles granted to the account.")
  private List<String> roles;

  @JsonPropertyDescription("Privileges.")
  private List<MySqlGrant> grants;

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public List<MySqlGrant> getGrants() {
    return grants;
  }

  public void setGrants(List<MySqlGrant> grants) {
    this.grants = grants;
  }
}
