/**
 * Backups and restores as streams: the dump client's output runs through compression, optional
 * encryption and a SHA-256 digest straight into storage, and a restore runs the other way, so
 * memory stays flat whatever the database size (fixed buffers, one S3 part at most).
 *
 * <p>Entry point for reconcilers: {@link io.dbprovision.operator.backup.BackupExecutor}, a bounded
 * worker pool that runs {@link io.dbprovision.operator.backup.BackupPipeline} and {@link
 * io.dbprovision.operator.backup.RestorePipeline} off the reconcile thread, enforces the deadline
 * by destroying the client process, and completes a future with an outcome the reconciler turns
 * into status and events.
 *
 * <p>Decisions and limits:
 *
 * <ul>
 *   <li>Passwords reach the clients through their environment ({@code PGPASSWORD}, {@code
 *       MYSQL_PWD}), never the command line, so they show neither in {@code ps} nor in logs.
 *   <li>Encryption is Tink's streaming AEAD (AES-256-GCM with HKDF-derived segment keys, 4 KiB
 *       segments); every segment is authenticated, so truncation or tampering fails the read. The
 *       key is the Secret value and must be exactly 32 bytes (as for the Go operator); the object
 *       format is Tink's, not the Go operator's.
 *   <li>A restore validates before it touches the target: the object exists and its SHA-256 matches
 *       the recorded checksum (one full read). While restoring, the digest is computed again and
 *       the client is killed before it sees end of input if the bytes changed; for PostgreSQL the
 *       restore runs in one transaction, so it then leaves nothing behind. A MySQL/MariaDB restore
 *       that fails half way leaves the tables it already loaded.
 *   <li>The target database of a restore must exist; creating it is the reconciler's (engine's)
 *       job.
 *   <li>Progress is the count of bytes the dump client wrote (backup) or of stored bytes read
 *       (restore), reported at most once per interval. A backup's percentage is an estimate against
 *       the database's size on disk, capped at 99 until it completes.
 * </ul>
 */
package io.dbprovision.operator.backup;
