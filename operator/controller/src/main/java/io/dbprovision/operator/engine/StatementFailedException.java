package io.dbprovision.operator.engine;

/**
 * The server refused a statement for a reason that is neither the spec's nor the operator's
 * privileges: an object in use, a dependency, a lock timeout. Retried, because such causes tend to
 * go away, and reported each time so a person can look if they do not.
 */
public final class StatementFailedException extends TransientEngineException {
  private static final long serialVersionUID = 1L;

  public StatementFailedException(
      String operation, String message, String sqlState, Throwable cause) {
    super(operation, message, sqlState, cause);
  }
}
