package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The engine contract on the real MariaDB 10.11 server, which stands in for MySQL here: the engine
 * runs with {@code spec.engine: mariadb} and detects the flavour from the server.
 */
class MariaDbEngineIT extends DatabaseEngineContract {

  @Override
  protected TestServer testServer() {
    return TestServer.MARIADB;
  }

  @Override
  protected Engine engineKind() {
    return Engine.mariadb;
  }

  @Override
  protected GrantTarget ordersTable(String database) {
    return GrantTarget.of(GrantTarget.Level.TABLE, database, null, "orders");
  }

  @Override
  protected void createOrdersTable(String database) throws SQLException {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
    }
  }

  @Override
  protected DesiredDatabase withChangedSetting(DesiredDatabase database) {
    return database.withMySql(new DesiredDatabase.MySqlOptions("utf8mb4", "utf8mb4_bin"));
  }

  @Override
  protected void changeSettingBehindTheEngine(String database) throws SQLException {
    admin("ALTER DATABASE " + scratch.quote(database) + " COLLATE utf8mb4_general_ci");
  }

  @Override
  protected String changedSettingField() {
    return "collation";
  }

  @Override
  protected void changeUserBehindTheEngine(String user) throws SQLException {
    admin("ALTER USER '" + user + "'@'%' WITH MAX_USER_CONNECTIONS 5");
  }

  @Override
  protected String changedUserField() {
    return "maxUserConnections";
  }

  @Override
  protected boolean holdsTablePrivilege(String grantee, String database, String privilege)
      throws SQLException {
    return exists(
        server.adminDatabase(),
        "SELECT EXISTS (SELECT 1 FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?"
            + " AND TABLE_SCHEMA = ? AND TABLE_NAME = 'orders' AND PRIVILEGE_TYPE = ?)",
        "'" + grantee + "'@'%'",
        database,
        privilege);
  }

  @Override
  protected String loginDatabase() {
    return "information_schema";
  }

  @Override
  protected boolean principalExists(String name) throws SQLException {
    return exists(
        server.adminDatabase(), "SELECT EXISTS (SELECT 1 FROM mysql.user WHERE User = ?)", name);
  }

  @Override
  protected boolean databaseExists(String name) throws SQLException {
    return exists(
        server.adminDatabase(),
        "SELECT EXISTS (SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?)",
        name);
  }

  @Override
  protected void grantBehindTheEngine(String grantee, String database, String privilege)
      throws SQLException {
    admin(
        "GRANT "
            + privilege
            + " ON "
            + scratch.quote(database)
            + ".orders TO '"
            + grantee
            + "'@'%'");
  }

  @Override
  protected void assertLoginRefused(String user, String wrongPassword) {
    assertThatThrownBy(() -> server.open(loginDatabase(), user, wrongPassword).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Access denied");
  }
}
