package io.dbprovision.operator.engine;

import io.dbprovision.operator.model.Password;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One borrowed connection and the two ways engines use it: catalog queries with bound parameters,
 * and DDL statements whose identifiers the dialect has already quoted. Every {@link SQLException}
 * leaves as an {@link EngineException} naming the operation, never the SQL.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** Reads one row. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final int timeoutSeconds;

  private Session(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
  }

  /** Borrows a connection to the administrative database. */
  public static Session admin(ConnectionSource source, Duration timeout) throws EngineException {
    try {
      return new Session(source.admin(), timeout);
    } catch (SQLException e) {
      throw SqlFailures.translate("connect to the server", e);
    }
  }

  /** Borrows a connection to one database (PostgreSQL per-database catalogs). */
  public static Session on(ConnectionSource source, String database, Duration timeout)
      throws EngineException {
    try {
      return new Session(source.database(database), timeout);
    } catch (SQLException e) {
      throw SqlFailures.translate("connect to database " + Identifiers.display(database), e);
    }
  }

  /** Runs a statement built by a dialect; passwords in it are masked in any failure. */
  public void execute(String operation, String sql, Password... secrets) throws EngineException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      statement.execute(sql);
      LOG.debug("{}: done", operation);
    } catch (SQLException e) {
      throw SqlFailures.translate(operation, e, secrets);
    }
  }

  /** Runs a catalog query with bound parameters (String, Integer, Long, Boolean, or text[]). */
  public <T> List<T> query(String operation, String sql, Row<T> reader, Object... parameters)
      throws EngineException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds);
      for (int i = 0; i < parameters.length; i++) {
        bind(statement, i + 1, parameters[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(reader.read(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw SqlFailures.translate(operation, e);
    }
  }

  public <T> Optional<T> queryOne(String operation, String sql, Row<T> reader, Object... params)
      throws EngineException {
    List<T> rows = query(operation, sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** The raw connection, for driver features such as PostgreSQL's client-side password hashing. */
  public Connection connection() {
    return connection;
  }

  private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value instanceof Collection<?> texts) {
      Array array = connection.createArrayOf("text", texts.toArray());
      statement.setArray(index, array);
    } else {
      statement.setObject(index, value);
    }
  }

  @Override
  public void close() throws EngineException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw SqlFailures.translate("return a connection to the pool", e);
    }
  }
}
