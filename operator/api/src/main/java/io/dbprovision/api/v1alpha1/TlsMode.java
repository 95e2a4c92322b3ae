package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How strictly the operator checks the server's TLS certificate. */
public enum TlsMode {
  disable,
  require,
  @JsonProperty("verify-ca")
  VERIFY_CA,
  @JsonProperty("verify-full")
  VERIFY_FULL
}
