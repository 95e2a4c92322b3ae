package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The login to create on the instance. */
public class DatabaseUserSpec {
  /** The DatabaseInstance that hosts this user. */
  @Required private ResourceRef instanceRef;

  /** The login name on the server. */
  @Required
  @Pattern(Identifiers.PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "username is immutable")
  private String username;

  public ResourceRef getInstanceRef() {
    return instanceRef;
  }

  public void setInstanceRef(ResourceRef instanceRef) {
    this.instanceRef = instanceRef;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }
}
