package io.dbprovision.operator.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A client's diagnostic output, redirected to a private temporary file so no thread has to drain
 * it; only its tail is ever read, for failure messages.
 */
final class ClientOutput implements AutoCloseable {
  private static final int TAIL_BYTES = 2048;

  private final Path file;

  ClientOutput(Path directory) throws IOException {
    Path created;
    try {
      created =
          Files.createTempFile(
              directory,
              "db-client-",
              ".log",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      created = Files.createTempFile(directory, "db-client-", ".log");
    }
    this.file = created;
  }

  Path file() {
    return file;
  }

  /** The last lines the client wrote, on one line. */
  String tail() {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      long from = Math.max(0, length - TAIL_BYTES);
      byte[] bytes = new byte[(int) (length - from)];
      in.seek(from);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "no output" : text.replaceAll("\\s*\\R\\s*", " | ");
    } catch (IOException e) {
      return "output unreadable";
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind holds no secrets
    }
  }
}
