package io.dbprovision.operator.backup.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** A place backups are written to, read from, listed and deleted in, by object key. */
public interface BackupStorage {
  /**
   * Starts writing an object. Nothing is visible under {@code key} until {@link Upload#commit()};
   * {@link Upload#abort()} discards what was written.
   */
  Upload create(String key) throws IOException;

  /**
   * Reads an object from its start.
   *
   * @throws NoSuchObjectException if there is no object under {@code key}
   */
  InputStream open(String key) throws IOException;

  /** The object under {@code key}, if there is one. */
  Optional<StoredObject> stat(String key) throws IOException;

  /** Every committed object whose key starts with {@code prefix}, in key order. */
  List<StoredObject> list(String prefix) throws IOException;

  /** Deletes the object under {@code key}; deleting a missing object is not an error. */
  void delete(String key) throws IOException;

  /** Where this storage is, for messages (no credentials). */
  String describe();
}
