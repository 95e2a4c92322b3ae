package io.dbprovision.demo;

import io.dbprovision.operator.engine.ConnectionSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Unpooled JDBC connections to the demo's PostgreSQL, for what the demo does on the server itself
 * (the health check at start, the change behind the operator's back, the cleanup). The operator
 * uses its own pools.
 */
final class DirectConnections implements ConnectionSource {
  private static final int CONNECT_TIMEOUT_SECONDS = 3;

  private final PostgresServer server;

  DirectConnections(PostgresServer server) {
    this.server = server;
  }

  @Override
  public Connection admin() throws SQLException {
    return database(server.adminDatabase());
  }

  @Override
  public Connection database(String name) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", server.adminUser());
    properties.setProperty("password", server.adminPassword());
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "db-provision-demo");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + name, properties);
  }
}
