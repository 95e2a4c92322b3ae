package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The engine contract on the real PostgreSQL server. */
class PostgresEngineIT extends DatabaseEngineContract {

  @Override
  protected TestServer testServer() {
    return TestServer.POSTGRES;
  }

  @Override
  protected Engine engineKind() {
    return Engine.postgres;
  }

  @Override
  protected GrantTarget ordersTable(String database) {
    return GrantTarget.of(GrantTarget.Level.TABLE, database, "app", "orders");
  }

  @Override
  protected void createOrdersTable(String database) throws SQLException {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA app");
      statement.execute("CREATE TABLE app.orders (id INT PRIMARY KEY)");
    }
  }

  @Override
  protected DesiredDatabase withChangedSetting(DesiredDatabase database) {
    return database.withPostgres(database.postgres().withConnectionLimit(5));
  }

  @Override
  protected void changeSettingBehindTheEngine(String database) throws SQLException {
    admin("ALTER DATABASE " + scratch.quote(database) + " CONNECTION LIMIT 7");
  }

  @Override
  protected String changedSettingField() {
    return "connectionLimit";
  }

  @Override
  protected void changeUserBehindTheEngine(String user) throws SQLException {
    admin("ALTER ROLE " + scratch.quote(user) + " CREATEDB");
  }

  @Override
  protected String changedUserField() {
    return "createdb";
  }

  @Override
  protected boolean holdsTablePrivilege(String grantee, String database, String privilege)
      throws SQLException {
    return exists(database, "SELECT has_table_privilege(?, 'app.orders', ?)", grantee, privilege);
  }

  @Override
  protected String loginDatabase() {
    return server.adminDatabase();
  }

  @Override
  protected boolean principalExists(String name) throws SQLException {
    return exists(
        server.adminDatabase(), "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", name);
  }

  @Override
  protected boolean databaseExists(String name) throws SQLException {
    return exists(
        server.adminDatabase(),
        "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?)",
        name);
  }

  @Override
  protected void grantBehindTheEngine(String grantee, String database, String privilege)
      throws SQLException {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("GRANT " + privilege + " ON app.orders TO " + scratch.quote(grantee));
    }
  }

  /**
   * The local server trusts loopback connections, so a wrong password cannot be shown to fail. What
   * can be shown: the server stores a SCRAM verifier, computed by the driver, and never the
   * password itself.
   */
  @Override
  protected void assertLoginRefused(String user, String wrongPassword) throws SQLException {
    try (Connection admin = server.openAdmin();
        PreparedStatement query =
            admin.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
      query.setString(1, user);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).startsWith("SCRAM-SHA-256$").doesNotContain(wrongPassword);
      }
    }
  }
}
