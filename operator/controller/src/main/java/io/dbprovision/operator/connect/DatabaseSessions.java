package io.dbprovision.operator.connect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connections to the databases of a PostgreSQL instance other than its administrative one: each is
 * opened for one session and really closed when the caller closes it, and at most {@code limit} are
 * open at once (a caller beyond that waits up to the connect timeout).
 *
 * <p>Not pooled, on purpose. A pool per database either grows with the number of databases or has
 * to close pools that other passes are still using; and the visits are rare (a grant's pass, an
 * ownership check), so a kept connection would mostly sit idle holding the database open, which
 * also stands in the way of dropping it.
 */
final class DatabaseSessions {
  /** The driver itself rather than DriverManager's search, which depends on what loaded it. */
  private static final Driver POSTGRES = new org.postgresql.Driver();

  private final Semaphore open;
  private final Duration wait;

  DatabaseSessions(int limit, Duration wait) {
    this.open = new Semaphore(limit, true);
    this.wait = wait;
  }

  /** A new connection to the database {@code jdbc} names; the caller closes it. */
  Connection open(JdbcConfiguration jdbc, String database) throws SQLException {
    try {
      if (!open.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException(
            "no connection to database "
                + database
                + " within "
                + wait.toSeconds()
                + " s: the operator's sessions to this instance's databases are all in use",
            "08004");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for a connection", "08004");
    }
    try {
      return releasingOnClose(POSTGRES.connect(jdbc.url(), jdbc.properties()));
    } catch (SQLException | RuntimeException e) {
      open.release();
      throw e;
    }
  }

  /** How many more sessions could be opened now without waiting. */
  int available() {
    return open.availablePermits();
  }

  /** The connection, whose first {@code close()} also frees its place. */
  private Connection releasingOnClose(Connection connection) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (isClose(method)) {
                if (closed.compareAndSet(false, true)) {
                  try {
                    connection.close();
                  } finally {
                    open.release();
                  }
                }
                return null;
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean isClose(Method method) {
    return method.getName().equals("close") && method.getParameterCount() == 0;
  }
}
