package io.dbprovision.exporter.receiver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code file} receiver's file, rotated as the Go tool's (lumberjack) is: when the next write
 * would take the file past {@code maxsize} megabytes (100 when 0), it is renamed to {@code
 * <name>-<UTC time yyyy-MM-ddTHH-mm-ss.SSS><ext>} and a new one started; then backups beyond the
 * newest {@code maxbackups}, and backups older than {@code maxage} days (by the time in their
 * name), are deleted (0: keep them all). A write larger than {@code maxsize} fails.
 *
 * <p>What is written is held until {@link #flush()}, which writes it as one piece, so a line
 * flushed at once is never split across two files.
 */
final class RotatingFileWriter extends Writer {
  static final long MEGABYTE = 1024 * 1024;
  static final int DEFAULT_MAX_SIZE_MEGABYTES = 100;

  private static final DateTimeFormatter BACKUP_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS");

  private final Path path;
  private final long maxBytes;
  private final int maxAgeDays;
  private final int maxBackups;
  private final Clock clock;
  private final String prefix;
  private final String extension;
  private final StringBuilder pending = new StringBuilder();
  private OutputStream out;
  private long size;

  /** A backup file and the time in its name. */
  private record Backup(Path path, Instant rotatedAt) {}

  /**
   * @param maxSizeMegabytes {@code maxsize}; 0 means lumberjack's default of 100
   * @param maxAgeDays {@code maxage}; 0 keeps backups of any age
   * @param maxBackups {@code maxbackups}; 0 keeps any number
   */
  static RotatingFileWriter open(
      Path path, int maxSizeMegabytes, int maxAgeDays, int maxBackups, Clock clock)
      throws IOException {
    int megabytes = maxSizeMegabytes > 0 ? maxSizeMegabytes : DEFAULT_MAX_SIZE_MEGABYTES;
    return new RotatingFileWriter(path, megabytes * MEGABYTE, maxAgeDays, maxBackups, clock);
  }

  RotatingFileWriter(Path path, long maxBytes, int maxAgeDays, int maxBackups, Clock clock)
      throws IOException {
    this.path = path;
    this.maxBytes = maxBytes;
    this.maxAgeDays = maxAgeDays;
    this.maxBackups = maxBackups;
    this.clock = clock;
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    this.prefix = (dot <= 0 ? name : name.substring(0, dot)) + "-";
    this.extension = dot <= 0 ? "" : name.substring(dot);
    this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    this.size = Files.size(path);
  }

  /** The size a file may reach before it is rotated. */
  long maxBytes() {
    return maxBytes;
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    pending.append(buffer, offset, length);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.length() == 0) {
      return;
    }
    byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
    pending.setLength(0);
    if (bytes.length > maxBytes) {
      throw new IOException(
          "a write of " + bytes.length + " bytes is larger than maxsize (" + maxBytes + " bytes)");
    }
    if (size + bytes.length > maxBytes) {
      rotate();
    }
    out.write(bytes);
    out.flush();
    size += bytes.length;
  }

  private void rotate() throws IOException {
    out.close();
    Instant now = clock.instant();
    String time = BACKUP_TIME.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    Files.move(
        path, path.resolveSibling(prefix + time + extension), StandardCopyOption.REPLACE_EXISTING);
    out =
        Files.newOutputStream(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    size = 0;
    removeOldBackups(now);
  }

  private void removeOldBackups(Instant now) throws IOException {
    if (maxBackups <= 0 && maxAgeDays <= 0) {
      return;
    }
    List<Backup> backups = new ArrayList<>();
    Path directory = path.toAbsolutePath().getParent();
    try (Stream<Path> files = Files.list(directory)) {
      files.forEach(file -> backup(file).ifPresent(backups::add));
    }
    backups.sort(Comparator.comparing(Backup::rotatedAt).reversed());
    Instant oldest = now.minus(Duration.ofDays(maxAgeDays));
    for (int i = 0; i < backups.size(); i++) {
      Backup backup = backups.get(i);
      boolean tooMany = maxBackups > 0 && i >= maxBackups;
      boolean tooOld = maxAgeDays > 0 && backup.rotatedAt().isBefore(oldest);
      if (tooMany || tooOld) {
        Files.deleteIfExists(backup.path());
      }
    }
  }

  private Optional<Backup> backup(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(prefix)
        || !name.endsWith(extension)
        || name.length() <= prefix.length() + extension.length()) {
      return Optional.empty();
    }
    String time = name.substring(prefix.length(), name.length() - extension.length());
    try {
      return Optional.of(
          new Backup(file, LocalDateTime.parse(time, BACKUP_TIME).toInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException notABackup) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }
}
