package io.dbprovision.operator.backup;

/** A restore's spec cannot be carried out; the message names the field. ValidationFailed. */
public final class InvalidRestoreException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidRestoreException(String message) {
    super(message);
  }
}
