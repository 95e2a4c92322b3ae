package io.dbprovision.operator.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * The last stage before storage: counts and digests what is stored. Closing it flushes but does not
 * close the storage upload, which the pipeline commits or aborts itself.
 */
final class StoredBytesOutputStream extends OutputStream {
  private final OutputStream out;
  private final MessageDigest digest = Checksums.sha256();
  private long count;

  StoredBytesOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    digest.update(b, off, len);
    count += len;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  long count() {
    return count;
  }

  String checksum() {
    return Checksums.format(digest);
  }
}
