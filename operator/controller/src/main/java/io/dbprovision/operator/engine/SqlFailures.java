package io.dbprovision.operator.engine;

import io.dbprovision.operator.model.Password;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns a driver's {@link SQLException} into an {@link EngineException} of the right class, with a
 * message that cannot leak a password: when the statement carried one, the server's message is
 * dropped and only SQLSTATE and error code remain.
 *
 * <p>Classification: SQLSTATE class 08, connection refusals, timeouts, server shutdown (57P01-03)
 * and too many connections (53300, MySQL 1040) are transient. Insufficient privilege (42501), and
 * MySQL's access denied codes (1044 database, 1045 login, 1142 table, 1227 needs SUPER or similar)
 * are permanent. Invalid names, values and syntax (SQLSTATE classes 22 and 42, except privilege)
 * are permanent. Anything else is a transient statement failure.
 */
public final class SqlFailures {
  private static final Set<Integer> MYSQL_ACCESS_DENIED = Set.of(1044, 1045, 1142, 1143, 1227);
  private static final Set<Integer> MYSQL_UNAVAILABLE = Set.of(1040, 1053, 2002, 2003, 2006, 2013);

  private SqlFailures() {}

  /**
   * Classifies a failure. Every given password is masked in the message, and the cause is replaced
   * by a scrubbed copy, so the driver's text (which may quote a statement) never travels further.
   */
  public static EngineException translate(
      String operation, SQLException thrown, Password... secrets) {
    SQLException failure = reason(thrown);
    String state = failure.getSQLState();
    int code = failure.getErrorCode();
    String message =
        carriesSecret(secrets)
            ? "the server refused the statement (SQLSTATE "
                + state
                + ", error "
                + code
                + "); its message is withheld because the statement carried a password"
            : firstLine(failure.getMessage());
    SQLException cause = new SQLException(message, state, code);
    cause.setStackTrace(failure.getStackTrace());

    if (isConnectionFailure(failure)) {
      return new ConnectionFailedException(operation, message, state, cause);
    }
    if ("42501".equals(state)
        || MYSQL_ACCESS_DENIED.contains(code)
        || "28P01".equals(state)
        || "28000".equals(state)
        || failure instanceof SQLInvalidAuthorizationSpecException) {
      return new PermissionDeniedException(operation, message, state, cause);
    }
    if (state != null && (state.startsWith("22") || state.startsWith("42"))) {
      return new InvalidSpecException(operation, message, state, cause);
    }
    return new StatementFailedException(operation, message, state, cause);
  }

  /**
   * A pool that cannot open a connection reports a timeout whose cause is the server's answer
   * (refused password, unknown database); that answer decides the class, not the timeout.
   */
  private static SQLException reason(SQLException failure) {
    SQLException reason = failure;
    while (reason instanceof SQLTransientConnectionException
        && reason.getCause() instanceof SQLException cause) {
      reason = cause;
    }
    return reason;
  }

  static boolean isConnectionFailure(SQLException failure) {
    String state = failure.getSQLState();
    if (state != null
        && (state.startsWith("08")
            || state.equals("53300")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("HYT00"))) {
      return true;
    }
    if (MYSQL_UNAVAILABLE.contains(failure.getErrorCode())) {
      return true;
    }
    if (failure instanceof SQLTimeoutException
        || failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException) {
      return !(failure instanceof SQLInvalidAuthorizationSpecException);
    }
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof SocketTimeoutException
          || cause instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "the server reported an error without a message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Servers quote statements back in their errors, and they quote the escaped literal, which a
   * search for the password would miss; so a failed statement that carried a password keeps no
   * server text at all.
   */
  private static boolean carriesSecret(Password... secrets) {
    for (Password secret : secrets) {
      if (secret != null && !secret.reveal().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
