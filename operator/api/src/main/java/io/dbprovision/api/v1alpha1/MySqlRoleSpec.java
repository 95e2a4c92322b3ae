package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** MySQL/MariaDB privileges of a role. */
public class MySqlRoleSpec {
  @JsonPropertyDescription("Privileges held by the role.")
  private List<MySqlGrant> grants;

  public List<MySqlGrant> getGrants() {
    return grants;
  }

  public void setGrants(List<MySqlGrant> grants) {
    this.grants = grants;
  }
}
