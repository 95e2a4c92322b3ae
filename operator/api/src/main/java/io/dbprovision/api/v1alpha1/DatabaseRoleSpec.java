package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The role to create on the instance. */
public class DatabaseRoleSpec {
  /** The DatabaseInstance that hosts this role. */
  @Required private ResourceRef instanceRef;

  /** The role's name on the server. */
  @Required
  @Pattern(Identifiers.PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "roleName is immutable")
  private String roleName;

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
}
