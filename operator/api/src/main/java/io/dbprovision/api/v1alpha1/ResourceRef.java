package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference to another resource of this operator. */
public class ResourceRef {
  public ResourceRef() {}

  public ResourceRef(String name) {
    this.name = name;
  }

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the resource.")
  private String name;

  @JsonPropertyDescription("Namespace of the resource; this resource's namespace when empty.")
  private String namespace;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
