package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Secret in the instance's namespace holding the CA certificate. */
public class TlsSecretRef {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the Secret.")
  private String name;

  @JsonPropertyDescription("Key names inside the Secret.")
  private TlsSecretKeys keys = new TlsSecretKeys();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public TlsSecretKeys getKeys() {
    return keys;
  }

  public void setKeys(TlsSecretKeys keys) {
    this.keys = keys;
  }
}
