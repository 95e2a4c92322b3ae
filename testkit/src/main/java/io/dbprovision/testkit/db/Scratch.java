package io.dbprovision.testkit.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One test's own names on a real server. Every name it hands out is unique to the run, and every
 * database, user and role under those names is dropped on {@link #close()}, whether the test or the
 * code under test created it, so tests can run in any order and leave nothing behind.
 */
public final class Scratch implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseServer server;
  private final Set<String> databases = new LinkedHashSet<>();
  private final Set<String> principals = new LinkedHashSet<>();

  private Scratch(DatabaseServer server) {
    this.server = server;
  }

  public static Scratch on(DatabaseServer server) {
    return new Scratch(server);
  }

  public DatabaseServer server() {
    return server;
  }

  /** A fresh database name, dropped on close if anything created it. */
  public String databaseName(String hint) {
    String name = uniqueName(hint);
    databases.add(name);
    return name;
  }

  /** A fresh user or role name, dropped on close if anything created it. */
  public String principalName(String hint) {
    String name = uniqueName(hint);
    principals.add(name);
    return name;
  }

  /** Creates an empty database with a fresh name and returns the name. */
  public String createDatabase(String hint) throws SQLException {
    String name = databaseName(hint);
    try (Connection admin = server.openAdmin();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + quote(name));
    }
    return name;
  }

  /** An administrator connection to one database; the caller closes it. */
  public Connection connect(String database) throws SQLException {
    return server.open(database, server.adminUser(), server.adminPassword());
  }

  /** Quotes an identifier in the server's dialect (for test SQL only; engines own theirs). */
  public String quote(String identifier) {
    return switch (server.kind()) {
      case POSTGRES -> '"' + identifier.replace("\"", "\"\"") + '"';
      case MARIADB -> '`' + identifier.replace("`", "``") + '`';
    };
  }

  static String uniqueName(String hint) {
    String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    if (clean.length() > 16) {
      clean = clean.substring(0, 16);
    }
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      suffix.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return "dbpt_" + clean + "_" + suffix;
  }

  @Override
  public void close() throws SQLException {
    List<SQLException> failures = new ArrayList<>();
    try (Connection admin = server.openAdmin()) {
      for (String database : databases) {
        run(admin, dropDatabase(database), failures);
      }
      for (String principal : principals) {
        for (String sql : dropPrincipal(admin, principal)) {
          run(admin, sql, failures);
        }
      }
    }
    if (!failures.isEmpty()) {
      SQLException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }

  private String dropDatabase(String name) {
    return switch (server.kind()) {
      case POSTGRES -> "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)";
      case MARIADB -> "DROP DATABASE IF EXISTS " + quote(name);
    };
  }

  private List<String> dropPrincipal(Connection admin, String name) throws SQLException {
    List<String> statements = new ArrayList<>();
    switch (server.kind()) {
      case POSTGRES -> {
        try (PreparedStatement exists =
            admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
          exists.setString(1, name);
          try (ResultSet rows = exists.executeQuery()) {
            if (rows.next()) {
              statements.add("DROP OWNED BY " + quote(name));
              statements.add("DROP ROLE IF EXISTS " + quote(name));
            }
          }
        }
      }
      case MARIADB -> {
        try (PreparedStatement accounts =
            admin.prepareStatement("SELECT Host, is_role FROM mysql.user WHERE User = ?")) {
          accounts.setString(1, name);
          try (ResultSet rows = accounts.executeQuery()) {
            while (rows.next()) {
              String account = "'" + name + "'@'" + rows.getString(1).replace("'", "''") + "'";
              statements.add(
                  "Y".equals(rows.getString(2))
                      ? "DROP ROLE IF EXISTS " + quote(name)
                      : "DROP USER IF EXISTS " + account);
            }
          }
        }
      }
    }
    return statements;
  }

  private static void run(Connection admin, String sql, List<SQLException> failures) {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      failures.add(e);
    }
  }
}
