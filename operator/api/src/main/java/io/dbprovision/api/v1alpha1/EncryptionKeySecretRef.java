package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key inside a Secret holding the backup encryption key. */
public class EncryptionKeySecretRef {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the Secret.")
  private String name;

  @JsonPropertyDescription("Namespace of the Secret; the resource's namespace when empty.")
  private String namespace;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription(
      "Key inside the Secret whose value (at least 32 bytes) is the encryption key material.")
  private String key;

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

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
