package io.dbprovision.operator.engine;

/**
 * The operator's own account lacks a privilege the operation needs, or its credentials were
 * refused. Fixing it takes an administrator; retrying does not.
 */
public final class PermissionDeniedException extends PermanentEngineException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(
      String operation, String message, String sqlState, Throwable cause) {
    super(operation, message, sqlState, cause);
  }
}
