package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Encryption algorithms the operator implements. */
public enum BackupEncryptionAlgorithm {
  /** Streaming AES-256-GCM with HKDF-derived segment keys (4 KiB segments). */
  @JsonProperty("aes-256-gcm")
  AES_256_GCM
}
