package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The Secret with the administrator credentials the operator connects with. */
public class CredentialsSecretRef {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the Secret.")
  private String name;

  @JsonPropertyDescription("Namespace of the Secret; the instance's namespace when empty.")
  private String namespace;

  @JsonPropertyDescription("Key names inside the Secret.")
  private SecretKeys keys = new SecretKeys();

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

  public SecretKeys getKeys() {
    return keys;
  }

  public void setKeys(SecretKeys keys) {
    this.keys = keys;
  }
}
