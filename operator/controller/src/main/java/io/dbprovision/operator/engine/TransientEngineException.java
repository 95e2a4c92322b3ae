package io.dbprovision.operator.engine;

/** A failure that may pass by itself; the reconciler retries with backoff. */
public abstract sealed class TransientEngineException extends EngineException
    permits ConnectionFailedException, StatementFailedException {
  private static final long serialVersionUID = 1L;

  protected TransientEngineException(
      String operation, String message, String sqlState, Throwable cause) {
    super(operation, message, sqlState, cause);
  }

  @Override
  public final boolean isRetryable() {
    return true;
  }
}
