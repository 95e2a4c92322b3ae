package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** TLS towards the server. */
public class TlsSpec {
  @JsonPropertyDescription("Use TLS; when false the engine-specific defaults apply.")
  private Boolean enabled = Boolean.FALSE;

  @Default("disable")
  @JsonPropertyDescription("How strictly the server certificate is checked.")
  private TlsMode mode = TlsMode.disable;

  @JsonPropertyDescription(
      "CA certificate for verify-ca and verify-full; the JVM trust store when absent.")
  private TlsSecretRef secretRef;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public TlsMode getMode() {
    return mode;
  }

  public void setMode(TlsMode mode) {
    this.mode = mode;
  }

  public TlsSecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(TlsSecretRef secretRef) {
    this.secretRef = secretRef;
  }
}
