package io.dbprovision.operator.reconcile;

/**
 * A backup or restore cannot be set up: a Secret it needs is missing or unusable (may be fixed
 * outside the resource, so the reconciler looks again), or its spec is invalid (which only a new
 * resource can fix). The message names the field or Secret and never holds a secret value.
 */
final class BackupInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  private BackupInputException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** Something outside the resource (a Secret, a mount) is missing or wrong. */
  static BackupInputException outside(String message) {
    return new BackupInputException(message, true);
  }

  /** The resource's spec cannot be carried out. */
  static BackupInputException invalidSpec(String message) {
    return new BackupInputException(message, false);
  }

  /** Whether looking again later, without a spec change, can succeed. */
  boolean retryable() {
    return retryable;
  }
}
