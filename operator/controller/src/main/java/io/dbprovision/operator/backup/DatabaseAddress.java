package io.dbprovision.operator.backup;

import io.dbprovision.api.v1alpha1.Engine;
import java.util.Objects;

/**
 * Where a dump is read from or restored into, with the login to use. {@link #toString()} leaves the
 * password out.
 */
public record DatabaseAddress(
    Engine engine, String host, int port, String username, String password, String database) {
  public DatabaseAddress {
    Objects.requireNonNull(engine, "engine");
    requireText(host, "host");
    requireText(username, "username");
    requireText(database, "database");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
    if (database.indexOf('=') >= 0 || database.startsWith("-") || database.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "database name \"" + database + "\" cannot be passed to the dump clients");
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is empty");
    }
  }

  /** The same server and login, another database. */
  public DatabaseAddress withDatabase(String name) {
    return new DatabaseAddress(engine, host, port, username, password, name);
  }

  @Override
  public String toString() {
    return engine + "://" + username + "@" + host + ":" + port + "/" + database;
  }
}
