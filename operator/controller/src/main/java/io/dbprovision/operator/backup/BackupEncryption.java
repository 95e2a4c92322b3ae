package io.dbprovision.operator.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * AES-256-GCM in Tink's streaming format ({@code AES256_GCM_HKDF_4KB}): a random salt per object,
 * segment keys derived with HKDF-SHA256, every 4 KiB segment authenticated, the last one marked so
 * truncation is detected.
 */
public final class BackupEncryption {
  /** Key material length: the Secret value must be exactly this many bytes. */
  public static final int KEY_BYTES = 32;

  private static final byte[] ASSOCIATED_DATA =
      "db-provision backup v1".getBytes(StandardCharsets.US_ASCII);

  private final StreamingAead aead;

  private BackupEncryption(StreamingAead aead) {
    this.aead = aead;
  }

  /**
   * Uses {@code key} (the Secret's value) as key material.
   *
   * @throws IllegalArgumentException if it is not {@value #KEY_BYTES} bytes; the message gives the
   *     length only
   */
  public static BackupEncryption withKey(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the encryption key must be "
              + KEY_BYTES
              + " bytes; the Secret value has "
              + (key == null ? 0 : key.length));
    }
    try {
      AesGcmHkdfStreamingParameters parameters =
          AesGcmHkdfStreamingParameters.builder()
              .setKeySizeBytes(KEY_BYTES)
              .setDerivedAesGcmKeySizeBytes(KEY_BYTES)
              .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
              .setCiphertextSegmentSizeBytes(4096)
              .build();
      return new BackupEncryption(
          AesGcmHkdfStreaming.create(
              AesGcmHkdfStreamingKey.create(
                  parameters, SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM streaming is not available in this JVM", e);
    }
  }

  /** Wraps {@code out}; closing the result writes the final segment and closes {@code out}. */
  public OutputStream encrypt(OutputStream out) throws IOException {
    try {
      return aead.newEncryptingStream(out, ASSOCIATED_DATA);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not start encrypting", e);
    }
  }

  /** Wraps {@code in}; reading fails with an IOException on any tampered or missing segment. */
  public InputStream decrypt(InputStream in) throws IOException {
    try {
      return aead.newDecryptingStream(in, ASSOCIATED_DATA);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not start decrypting", e);
    }
  }
}
