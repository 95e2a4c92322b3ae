package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the grant holds on the server after the last pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppliedGrants {
  @JsonPropertyDescription("Role memberships.")
  private List<String> roles;

  @JsonPropertyDescription("Number of object privileges.")
  private Integer directGrants;

  @JsonPropertyDescription("Number of default privileges.")
  private Integer defaultPrivileges;

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public Integer getDirectGrants() {
    return directGrants;
  }

  public void setDirectGrants(Integer directGrants) {
    this.directGrants = directGrants;
  }

  public Integer getDefaultPrivileges() {
    return defaultPrivileges;
  }

  public void setDefaultPrivileges(Integer defaultPrivileges) {
    this.defaultPrivileges = defaultPrivileges;
  }
}
