package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The Secret with the S3 credentials, in the resource's namespace. */
public class S3SecretRef {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the Secret.")
  private String name;

  @JsonPropertyDescription("Key names inside the Secret.")
  private S3SecretKeys keys = new S3SecretKeys();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public S3SecretKeys getKeys() {
    return keys;
  }

  public void setKeys(S3SecretKeys keys) {
    this.keys = keys;
  }
}
