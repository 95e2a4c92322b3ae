package io.dbprovision.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real database server that tests may use as an administrator. Connection details only; tests
 * that need their own objects on it use a {@link Scratch}.
 */
public record DatabaseServer(
    TestServer kind,
    String host,
    int port,
    String adminUser,
    String adminPassword,
    String adminDatabase) {

  /** A JDBC URL for one database on this server, without credentials. */
  public String jdbcUrl(String database) {
    return switch (kind) {
      case POSTGRES -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
      case MARIADB -> "jdbc:mariadb://" + host + ":" + port + "/" + database;
    };
  }

  /** A new administrator connection to the admin database; the caller closes it. */
  public Connection openAdmin() throws SQLException {
    return open(adminDatabase, adminUser, adminPassword);
  }

  /** A new connection to a database as a given user; the caller closes it. */
  public Connection open(String database, String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "5");
    if (kind == TestServer.MARIADB) {
      // The MariaDB driver takes connectTimeout in milliseconds.
      props.setProperty("connectTimeout", "5000");
    }
    return DriverManager.getConnection(jdbcUrl(database), props);
  }

  /**
   * Fails with an explanation when the server cannot be reached. Tests never skip for a missing
   * server: a run that did not test against real servers must not look green.
   */
  DatabaseServer requireReachable() {
    try (Connection admin = openAdmin()) {
      if (!admin.isValid(5)) {
        throw new SQLException("connection opened but is not valid");
      }
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException(
          kind.product()
              + " test server at "
              + host
              + ":"
              + port
              + " (user "
              + adminUser
              + ") cannot be reached: "
              + e.getMessage()
              + ". Start it, or point "
              + kind.envVariable()
              + "=host:port (with "
              + kind.envVariable()
              + "_USER and _PASSWORD) at one.",
          e);
    }
  }

  @Override
  public String toString() {
    // Never print the password.
    return kind.product() + "@" + host + ":" + port;
  }
}
