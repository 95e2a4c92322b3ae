package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The logical database to create on the instance. */
public class DatabaseSpec {
  /** The DatabaseInstance that hosts this database. */
  @Required private ResourceRef instanceRef;

  /** The database's name on the server. */
  @Required
  @Pattern(Identifiers.PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "name is immutable")
  private String name;

  public ResourceRef getInstanceRef() {
    return instanceRef;
  }

  public void setInstanceRef(ResourceRef instanceRef) {
    this.instanceRef = instanceRef;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
