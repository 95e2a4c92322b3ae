package io.dbprovision.operator.backup;

import io.dbprovision.api.v1alpha1.MySqlBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresBackupOptions;
import io.dbprovision.operator.backup.storage.BackupStorage;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One backup to take.
 *
 * @param source the database to dump
 * @param postgres pg_dump options, or null for the defaults
 * @param mysql MySQL/MariaDB dump options, or null for the defaults
 * @param compression how to compress
 * @param encryption how to encrypt, if at all
 * @param storage where to store
 * @param key the object key (see {@link ObjectNaming})
 * @param databaseSizeBytes the database's size, for a progress percentage, if known
 */
public record BackupRequest(
    DatabaseAddress source,
    PostgresBackupOptions postgres,
    MySqlBackupOptions mysql,
    Compression compression,
    Optional<BackupEncryption> encryption,
    BackupStorage storage,
    String key,
    OptionalLong databaseSizeBytes) {
  public BackupRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(databaseSizeBytes, "databaseSizeBytes");
  }
}
