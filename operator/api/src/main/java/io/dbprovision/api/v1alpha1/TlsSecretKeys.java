package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Key names inside the TLS Secret. */
public class TlsSecretKeys {
  @Default("ca.crt")
  @JsonPropertyDescription("Key holding the PEM CA certificate that signed the server certificate.")
  private String ca = "ca.crt";

  public String getCa() {
    return ca;
  }

  public void setCa(String ca) {
    this.ca = ca;
  }
}
