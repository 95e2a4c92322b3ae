/**
 * Where backups are kept: the {@link io.dbprovision.operator.backup.storage.BackupStorage} port and
 * its two backends, a mounted directory (a PersistentVolumeClaim) and S3.
 *
 * <p>Writes are streams of unknown length that become visible only when committed: the filesystem
 * backend writes a hidden partial file and renames it atomically; the S3 backend sends parts of
 * {@value io.dbprovision.operator.backup.storage.S3Storage#PART_SIZE} bytes through the multipart
 * API (one part buffered at a time, so memory does not grow with the object) and completes the
 * upload on commit, or aborts it. Keys are relative, slash-separated and never contain {@code ..}
 * segments, so no key can leave the storage root.
 */
package io.dbprovision.operator.backup.storage;
