package io.dbprovision.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.BackupCompressionAlgorithm;
import io.dbprovision.api.v1alpha1.BackupCompressionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressionAndEncryptionTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DUMP =
      "INSERT INTO t VALUES (1, 'one');\n".repeat(5000).getBytes(StandardCharsets.UTF_8);

  private static byte[] encode(Compression compression, BackupEncryption encryption, byte[] plain)
      throws IOException {
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    OutputStream out = stored;
    if (encryption != null) {
      out = encryption.encrypt(out);
    }
    try (OutputStream compressed = compression.compress(out)) {
      compressed.write(plain);
    }
    return stored.toByteArray();
  }

  private static byte[] decode(Compression compression, BackupEncryption encryption, byte[] stored)
      throws IOException {
    InputStream in = new ByteArrayInputStream(stored);
    if (encryption != null) {
      in = encryption.decrypt(in);
    }
    try (InputStream plain = compression.decompress(in)) {
      return plain.readAllBytes();
    }
  }

  @ParameterizedTest(name = "{0} level {1}, encrypted {2}")
  @CsvSource({
    "gzip, 6, false",
    "gzip, 1, true",
    "zstd, 3, false",
    "zstd, 9, true",
    "none, 0, false",
    "none, 0, true",
  })
  void readsBackWhatItWrote(BackupCompressionAlgorithm algorithm, int level, boolean encrypted)
      throws Exception {
    Compression compression = new Compression(algorithm, level);
    BackupEncryption encryption = encrypted ? BackupEncryption.withKey(KEY) : null;

    byte[] stored = encode(compression, encryption, DUMP);

    assertThat(decode(compression, encryption, stored)).isEqualTo(DUMP);
    if (algorithm != BackupCompressionAlgorithm.none) {
      assertThat(stored.length).isLessThan(DUMP.length / 10);
    }
  }

  @Test
  void encryptedBytesDoNotContainThePlainText() throws Exception {
    byte[] stored = encode(Compression.NONE, BackupEncryption.withKey(KEY), DUMP);

    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("INSERT INTO");
  }

  @Test
  void aTamperedOrTruncatedBackupFailsToDecrypt() throws Exception {
    BackupEncryption encryption = BackupEncryption.withKey(KEY);
    byte[] stored = encode(Compression.NONE, encryption, DUMP);
    byte[] flipped = stored.clone();
    flipped[stored.length / 2] ^= 1;
    byte[] truncated = Arrays.copyOf(stored, stored.length - 4096);

    assertThatThrownBy(() -> decode(Compression.NONE, encryption, flipped))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> decode(Compression.NONE, encryption, truncated))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anotherKeyCannotDecrypt() throws Exception {
    byte[] stored = encode(Compression.NONE, BackupEncryption.withKey(KEY), DUMP);
    byte[] other = KEY.clone();
    other[0] ^= 1;

    assertThatThrownBy(() -> decode(Compression.NONE, BackupEncryption.withKey(other), stored))
        .isInstanceOf(IOException.class);
  }

  @Test
  void rejectsAKeyOfTheWrongLengthWithoutShowingIt() {
    assertThatThrownBy(
            () -> BackupEncryption.withKey("short-secret".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("12")
        .hasMessageNotContaining("short-secret");
  }

  @ParameterizedTest(name = "enabled={0} algorithm={1} level={2} -> {3} {4}")
  @CsvSource({
    ",      ,     ,  gzip, 6",
    "true,  zstd, 3, zstd, 3",
    "false, gzip, 6, none, 0",
    "true,  none, 6, none, 0",
  })
  void readsTheSpec(
      Boolean enabled,
      BackupCompressionAlgorithm algorithm,
      Integer level,
      BackupCompressionAlgorithm expected,
      int expectedLevel) {
    BackupCompressionSpec spec = new BackupCompressionSpec();
    spec.setEnabled(enabled);
    spec.setAlgorithm(algorithm);
    spec.setLevel(level);

    assertThat(Compression.of(spec)).isEqualTo(new Compression(expected, expectedLevel));
    assertThat(Compression.of(null)).isEqualTo(new Compression(BackupCompressionAlgorithm.gzip, 6));
  }
}
