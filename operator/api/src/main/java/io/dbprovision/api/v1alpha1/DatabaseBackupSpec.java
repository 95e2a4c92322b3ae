package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** What to back up, and how and where the backup is kept. */
public class DatabaseBackupSpec {
  @Required
  @JsonPropertyDescription("The Database to back up.")
  private ResourceRef databaseRef;

  @Required
  @JsonPropertyDescription("Where the backup is stored.")
  private BackupStorageSpec storage;

  @JsonPropertyDescription("Compression of the dump; gzip at level 6 when absent.")
  private BackupCompressionSpec compression;

  @JsonPropertyDescription("Encryption of the stored backup; none when absent.")
  private BackupEncryptionSpec encryption;

  @Default("3600")
  @Min(1)
  @JsonPropertyDescription("Seconds the backup may run before it is stopped and marked failed.")
  private Long activeDeadlineSeconds = 3600L;

  @JsonPropertyDescription("pg_dump options for PostgreSQL.")
  private PostgresBackupOptions postgres;

  @JsonPropertyDescription("Dump client options for MySQL and MariaDB.")
  private MySqlBackupOptions mysql;

  public ResourceRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(ResourceRef databaseRef) {
    this.databaseRef = databaseRef;
  }

  public BackupStorageSpec getStorage() {
    return storage;
  }

  public void setStorage(BackupStorageSpec storage) {
    this.storage = storage;
  }

  public BackupCompressionSpec getCompression() {
    return compression;
  }

  public void setCompression(BackupCompressionSpec compression) {
    this.compression = compression;
  }

  public BackupEncryptionSpec getEncryption() {
    return encryption;
  }

  public void setEncryption(BackupEncryptionSpec encryption) {
    this.encryption = encryption;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public PostgresBackupOptions getPostgres() {
    return postgres;
  }

  public void setPostgres(PostgresBackupOptions postgres) {
    this.postgres = postgres;
  }

  public MySqlBackupOptions getMysql() {
    return mysql;
  }

  public void setMysql(MySqlBackupOptions mysql) {
    this.mysql = mysql;
  }
}
