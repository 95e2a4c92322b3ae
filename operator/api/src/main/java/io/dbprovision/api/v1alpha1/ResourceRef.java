package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Required;

/** A reference to another resource of this operator in the same namespace. */
public class ResourceRef {
  @Required private String name;

  public ResourceRef() {}

  public ResourceRef(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
