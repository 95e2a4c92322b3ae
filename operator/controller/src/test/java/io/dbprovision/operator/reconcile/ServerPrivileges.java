package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.MySqlGrant;
import io.dbprovision.api.v1alpha1.MySqlGrantLevel;
import io.dbprovision.api.v1alpha1.PostgresGrant;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Privileges as the server's own catalogs list them, read with the test's own SQL so that the
 * assertions do not depend on the engine under test; and the spec blocks that ask for them.
 */
final class ServerPrivileges {
  private final Scratch scratch;
  private final DatabaseServer server;

  ServerPrivileges(Scratch scratch) {
    this.scratch = scratch;
    this.server = scratch.server();
  }

  boolean postgres() {
    return server.kind() == TestServer.POSTGRES;
  }

  /** The privileges {@code grantee} (a user, or a role when {@code role}) holds on the table. */
  Set<String> onTable(String database, String table, String grantee, boolean role)
      throws SQLException {
    if (postgres()) {
      return query(
          database,
          "SELECT a.privilege_type FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a"
              + " WHERE c.oid = to_regclass(?) AND a.grantee = (SELECT oid FROM pg_roles WHERE"
              + " rolname = ?)",
          "public." + table,
          grantee);
    }
    return query(
        server.adminDatabase(),
        "SELECT PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND GRANTEE = ?",
        database,
        table,
        mysqlGrantee(grantee, role));
  }

  /** The privileges {@code grantee} holds on the database itself. */
  Set<String> onDatabase(String database, String grantee, boolean role) throws SQLException {
    if (postgres()) {
      return query(
          server.adminDatabase(),
          "SELECT a.privilege_type FROM pg_database d CROSS JOIN LATERAL aclexplode(d.datacl) a"
              + " WHERE d.datname = ? AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)",
          database,
          grantee);
    }
    return query(
        server.adminDatabase(),
        "SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES"
            + " WHERE TABLE_SCHEMA = ? AND GRANTEE = ?",
        database,
        mysqlGrantee(grantee, role));
  }

  /** The roles {@code role} is a member of. */
  Set<String> memberships(String role) throws SQLException {
    if (postgres()) {
      return query(
          server.adminDatabase(),
          "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
              + " WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = ?)",
          role);
    }
    return query(
        server.adminDatabase(),
        "SELECT Role FROM mysql.roles_mapping WHERE User = ? AND Host = ''",
        role);
  }

  /** Runs administrative SQL (test setup and changes behind the operator's back). */
  void sql(String database, String... statements) throws SQLException {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** A fresh database with one table {@code t}. */
  String databaseWithTable(String hint) throws SQLException {
    String database = scratch.createDatabase(hint);
    sql(database, "CREATE TABLE t (id INT)");
    return database;
  }

  /** Revokes behind the operator's back. */
  void revokeOnTable(String database, String privilege, String grantee, boolean role)
      throws SQLException {
    String target = postgres() ? "public.t" : scratch.quote(database) + "." + scratch.quote("t");
    String from = postgres() || role ? scratch.quote(grantee) : "'" + grantee + "'@'%'";
    sql(database, "REVOKE " + privilege + " ON " + target + " FROM " + from);
  }

  static PostgresGrant postgresTable(String database, String table, List<String> privileges) {
    PostgresGrant grant = new PostgresGrant();
    grant.setDatabase(database);
    grant.setSchema("public");
    grant.setTables(List.of(table));
    grant.setPrivileges(privileges);
    return grant;
  }

  static MySqlGrant mysqlTable(String database, String table, List<String> privileges) {
    MySqlGrant grant = new MySqlGrant();
    grant.setLevel(MySqlGrantLevel.table);
    grant.setDatabase(database);
    grant.setTable(table);
    grant.setPrivileges(privileges);
    return grant;
  }

  private static String mysqlGrantee(String name, boolean role) {
    return "'" + name + "'@'" + (role ? "" : "%") + "'";
  }

  private Set<String> query(String database, String sql, String... parameters) throws SQLException {
    Set<String> rows = new TreeSet<>();
    try (Connection connection = scratch.connect(database);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
    }
    return rows;
  }
}
