package io.dbprovision.operator.engine;

import java.util.Optional;

/**
 * Why an engine could not do what it was asked. The class decides what a reconciler does next:
 * {@link PermanentEngineException} (invalid spec, permission denied) will fail the same way until
 * the spec or the server's grants change, so it is reported once and not retried; {@link
 * TransientEngineException} (the server is unreachable, a timeout, a busy object) is retried with
 * backoff.
 *
 * <p>Messages are for people and name the operation ({@code create database "orders"}); they never
 * contain SQL text or passwords. The cause, when present, is a scrubbed copy of the driver's
 * exception.
 */
public abstract sealed class EngineException extends Exception
    permits PermanentEngineException, TransientEngineException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String sqlState;

  protected EngineException(String operation, String message, String sqlState, Throwable cause) {
    super(operation + ": " + message, cause);
    this.operation = operation;
    this.sqlState = sqlState;
  }

  /** What the engine was doing, such as {@code drop role "app"}. */
  public String operation() {
    return operation;
  }

  /** The SQLSTATE the server reported, when the failure came from the server. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  /** Whether retrying without a change to the spec or the server can succeed. */
  public abstract boolean isRetryable();
}
