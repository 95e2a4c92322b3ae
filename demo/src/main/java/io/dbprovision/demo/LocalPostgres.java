package io.dbprovision.demo;

import java.util.Map;

/**
 * A PostgreSQL server already running where the demo can reach it: {@value #ADDRESS} (default
 * {@value #DEFAULT_ADDRESS}), {@value #USER} (default {@value #DEFAULT_USER}), {@value #PASSWORD}
 * (default empty, for trust authentication). See {@link DemoPostgres} for when it is used.
 */
final class LocalPostgres {
  static final String ADDRESS = "DBPROVISION_DEMO_POSTGRES";
  static final String USER = "DBPROVISION_DEMO_POSTGRES_USER";
  static final String PASSWORD = "DBPROVISION_DEMO_POSTGRES_PASSWORD";
  static final String DEFAULT_ADDRESS = "127.0.0.1:5432";
  static final String DEFAULT_USER = "postgres";
  static final String ADMIN_DATABASE = "postgres";

  private LocalPostgres() {}

  /**
   * The server the environment names.
   *
   * @throws IllegalArgumentException when {@value #ADDRESS} is not {@code host:port}
   */
  static PostgresServer fromEnvironment(Map<String, String> env) {
    String address = env.getOrDefault(ADDRESS, DEFAULT_ADDRESS).strip();
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new IllegalArgumentException(ADDRESS + " must be host:port, not '" + address + "'");
    }
    String host = address.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ADDRESS + " must be host:port, not '" + address + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(ADDRESS + ": port " + port + " is out of range");
    }
    String user = env.getOrDefault(USER, DEFAULT_USER);
    return new PostgresServer(
        host,
        port,
        user,
        env.getOrDefault(PASSWORD, ""),
        ADMIN_DATABASE,
        "local PostgreSQL at " + host + ":" + port + " as " + user);
  }
}
