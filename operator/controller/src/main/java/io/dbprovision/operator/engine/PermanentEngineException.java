package io.dbprovision.operator.engine;

/** A failure that repeats until the spec or the server's configuration changes. */
public abstract sealed class PermanentEngineException extends EngineException
    permits InvalidSpecException, PermissionDeniedException {
  private static final long serialVersionUID = 1L;

  protected PermanentEngineException(
      String operation, String message, String sqlState, Throwable cause) {
    super(operation, message, sqlState, cause);
  }

  @Override
  public final boolean isRetryable() {
    return false;
  }
}
