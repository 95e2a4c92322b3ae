package io.dbprovision.operator.engine;

/**
 * The server could not be reached or dropped the connection: refused, timed out, SQLSTATE class 08,
 * shutting down, too many connections.
 */
public final class ConnectionFailedException extends TransientEngineException {
  private static final long serialVersionUID = 1L;

  public ConnectionFailedException(
      String operation, String message, String sqlState, Throwable cause) {
    super(operation, message, sqlState, cause);
  }
}
