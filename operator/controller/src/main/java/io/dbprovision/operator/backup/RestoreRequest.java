package io.dbprovision.operator.backup;

import io.dbprovision.operator.backup.storage.BackupStorage;
import java.util.Objects;
import java.util.Optional;

/**
 * One restore to run, from a completed backup's status.
 *
 * @param target the existing database to load the dump into
 * @param storage where the backup is stored
 * @param key the object key (status.backup.path)
 * @param checksum the recorded checksum (status.backup.checksum), {@code sha256:<hex>}
 * @param format the dump format (status.backup.format)
 * @param compression how the backup was compressed
 * @param encryption how it was encrypted, if at all
 * @param replaceExisting whether the objects in the dump replace objects of the same name in the
 *     target (an in-place restore) rather than failing on them
 */
public record RestoreRequest(
    DatabaseAddress target,
    BackupStorage storage,
    String key,
    String checksum,
    String format,
    Compression compression,
    Optional<BackupEncryption> encryption,
    boolean replaceExisting) {
  /** A restore into a database that holds none of the dump's objects. */
  public RestoreRequest(
      DatabaseAddress target,
      BackupStorage storage,
      String key,
      String checksum,
      String format,
      Compression compression,
      Optional<BackupEncryption> encryption) {
    this(target, storage, key, checksum, format, compression, encryption, false);
  }

  public RestoreRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(encryption, "encryption");
  }
}
