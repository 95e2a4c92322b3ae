package io.dbprovision.operator.engine;

/**
 * The request cannot be carried out as written: a name the engine refuses to quote, a privilege
 * outside the engine's allowlist, an option the server rejects as invalid.
 */
public final class InvalidSpecException extends PermanentEngineException {
  private static final long serialVersionUID = 1L;

  public InvalidSpecException(String operation, String message) {
    super(operation, message, null, null);
  }

  public InvalidSpecException(String operation, String message, String sqlState, Throwable cause) {
    super(operation, message, sqlState, cause);
  }
}
