package io.dbprovision.operator.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums in the {@code sha256:<hex>} form status.backup.checksum records. */
final class Checksums {
  private Checksums() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String format(MessageDigest digest) {
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  /** Reads {@code in} to its end; stops early, returning null, once {@code deadline} expired. */
  static String of(InputStream in, Deadline deadline) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (deadline.expired()) {
        return null;
      }
      digest.update(buffer, 0, n);
    }
    return format(digest);
  }
}
