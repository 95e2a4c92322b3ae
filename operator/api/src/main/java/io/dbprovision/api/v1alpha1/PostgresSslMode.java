package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** libpq-style sslmode for PostgreSQL connections when the tls block is not enabled. */
public enum PostgresSslMode {
  disable,
  allow,
  prefer,
  require,
  @JsonProperty("verify-ca")
  VERIFY_CA,
  @JsonProperty("verify-full")
  VERIFY_FULL
}
