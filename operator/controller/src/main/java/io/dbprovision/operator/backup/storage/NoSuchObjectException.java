package io.dbprovision.operator.backup.storage;

import java.io.IOException;

/** There is no object under the requested key. */
public final class NoSuchObjectException extends IOException {
  private static final long serialVersionUID = 1L;

  public NoSuchObjectException(String key, String storage) {
    super("no object " + key + " in " + storage);
  }
}
