package io.dbprovision.operator.backup;

/**
 * A stored backup, as status.backup records it.
 *
 * @param key object key in the storage
 * @param sizeBytes bytes the dump client wrote
 * @param storedBytes bytes stored after compression and encryption
 * @param checksum SHA-256 of the stored bytes, {@code sha256:<hex>}
 * @param format dump format (custom, plain, tar or sql)
 */
public record BackupArtifact(
    String key, long sizeBytes, long storedBytes, String checksum, String format) {}
