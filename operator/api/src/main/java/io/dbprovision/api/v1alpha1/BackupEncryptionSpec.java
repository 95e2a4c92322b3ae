package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How the stored backup is encrypted. */
public class BackupEncryptionSpec {
  @JsonPropertyDescription("Encrypt the backup before it leaves the operator.")
  private Boolean enabled;

  @Default("aes-256-gcm")
  @JsonPropertyDescription(
      "Encryption algorithm; AES-256-GCM in a streaming, segment-authenticated format.")
  private BackupEncryptionAlgorithm algorithm = BackupEncryptionAlgorithm.AES_256_GCM;

  @JsonPropertyDescription("Secret key holding the key material; required when enabled.")
  private EncryptionKeySecretRef secretRef;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public BackupEncryptionAlgorithm getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(BackupEncryptionAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  public EncryptionKeySecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(EncryptionKeySecretRef secretRef) {
    this.secretRef = secretRef;
  }
}
