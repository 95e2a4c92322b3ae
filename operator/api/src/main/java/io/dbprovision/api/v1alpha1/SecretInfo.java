package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The credentials Secret the operator maintains. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretInfo {
  @JsonPropertyDescription("Name of the Secret.")
  private String name;

  @JsonPropertyDescription("Namespace of the Secret.")
  private String namespace;

  @JsonPropertyDescription("When the password was last set (RFC 3339).")
  private String lastRotatedAt;

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

  public String getLastRotatedAt() {
    return lastRotatedAt;
  }

  public void setLastRotatedAt(String lastRotatedAt) {
    this.lastRotatedAt = lastRotatedAt;
  }
}
