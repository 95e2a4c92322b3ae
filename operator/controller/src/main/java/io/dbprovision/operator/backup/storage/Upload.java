package io.dbprovision.operator.backup.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An object being written. Closing it does not commit: the writer calls {@link #commit()} once the
 * content is complete, or {@link #abort()} when it is not.
 */
public abstract class Upload extends OutputStream {
  /** Makes the written bytes visible under the key and returns what was stored. */
  public abstract StoredObject commit() throws IOException;

  /** Discards the written bytes; safe to call more than once and after a failed commit. */
  public abstract void abort();

  /** Same as {@link #abort()} unless committed: an upload left open never becomes an object. */
  @Override
  public void close() {
    abort();
  }
}
