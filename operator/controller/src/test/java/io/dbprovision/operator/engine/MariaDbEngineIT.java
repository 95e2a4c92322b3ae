package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.MySqlAccount;
import io.dbprovision.operator.model.Password;
import io.dbprovision.operator.model.Privilege;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

  // ---------------------------------------------------------------- MySQL/MariaDB only

  @Test
  void aRefusedPasswordOfTheOperatorsAccountIsPermanentNotAConnectionProblem() throws Exception {
    String operator = scratch.principalName("operator");
    engine.ensureUser(
        DesiredLogin.named(operator), Password.of("right-password"), Enforcement.apply());
    DatabaseServer wrong =
        new DatabaseServer(
            server.kind(),
            server.host(),
            server.port(),
            operator,
            "wrong-password",
            loginDatabase());
    DatabaseEngine refused =
        new DatabaseEngines(Duration.ofSeconds(5))
            .engineFor(engineKind(), pools.forInstance("test", "refused", settings(wrong)));

    assertThatThrownBy(refused::checkHealth)
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("Access denied")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void keepsOneAccountPerAllowedHostWithTheSameGrants() throws Exception {
    String database = scratch.databaseName("hosts");
    engine.ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    String user = scratch.principalName("hosts");
    DesiredLogin both =
        new DesiredLogin(user, null, MySqlAccount.DEFAULTS.withHosts(List.of("%", "localhost")));
    engine.ensureUser(both, Password.of("secret-123"), Enforcement.apply());
    GrantSet select =
        new GrantSet(
            Set.of(), Set.of(Privilege.on(GrantTarget.database(database), "SELECT")), Set.of());

    engine.ensureGrants(Grantee.user(user), select, GrantScope.of(select), Enforcement.apply());

    for (String host : List.of("%", "localhost")) {
      assertThat(
              exists(
                  server.adminDatabase(),
                  "SELECT EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES"
                      + " WHERE GRANTEE = ? AND TABLE_SCHEMA = ? AND PRIVILEGE_TYPE = 'SELECT')",
                  "'" + user + "'@'" + host + "'",
                  database))
          .as("SELECT for %s@%s", user, host)
          .isTrue();
    }

    DesiredLogin one = new DesiredLogin(user, null, MySqlAccount.DEFAULTS);
    Outcome detected =
        engine.ensureUser(one, Password.of("secret-123"), Enforcement.correct(false));
    Outcome applied = engine.ensureUser(one, Password.of("secret-123"), Enforcement.apply());

    assertThat(detected.drift().remaining())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo("hosts.extra");
              assertThat(d.destructive()).isTrue();
            });
    assertThat(applied.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(
            exists(
                server.adminDatabase(),
                "SELECT EXISTS (SELECT 1 FROM mysql.user WHERE User = ? AND Host = 'localhost')",
                user))
        .isFalse();
  }

  @Test
  void grantsPrivilegesToARoleAndTheRoleToAUser() throws Exception {
    String database = scratch.databaseName("roles");
    engine.ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    String role = scratch.principalName("readers");
    engine.ensureRole(DesiredRole.named(role), Enforcement.apply());
    String user = scratch.principalName("member");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    GrantSet rolePrivileges =
        new GrantSet(
            Set.of(), Set.of(Privilege.on(GrantTarget.database(database), "SELECT")), Set.of());
    GrantSet membership = new GrantSet(Set.of(role), Set.of(), Set.of());

    engine.ensureGrants(
        Grantee.role(role), rolePrivileges, GrantScope.of(rolePrivileges), Enforcement.apply());
    engine.ensureGrants(
        Grantee.user(user), membership, GrantScope.of(membership), Enforcement.apply());

    assertThat(engine.currentGrants(Grantee.role(role), GrantScope.of(rolePrivileges)).privileges())
        .containsExactly(Privilege.on(GrantTarget.database(database), "SELECT"));
    assertThat(
            exists(
                server.adminDatabase(),
                "SELECT EXISTS (SELECT 1 FROM mysql.roles_mapping WHERE User = ? AND Role = ?)",
                user,
                role))
        .isTrue();
  }

  @Test
  void grantsOnColumnsAndProceduresAndWithGrantOption() throws Exception {
    String database = scratch.databaseName("levels");
    engine.ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customers (id INT, email TEXT, secret TEXT)");
      statement.execute("CREATE PROCEDURE place_order() BEGIN SELECT 1; END");
    }
    String user = scratch.principalName("levels");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    GrantSet wanted =
        new GrantSet(
            Set.of(),
            Set.of(
                Privilege.on(GrantTarget.column(database, "customers", "id"), "SELECT"),
                Privilege.on(GrantTarget.column(database, "customers", "email"), "SELECT"),
                new Privilege(
                    GrantTarget.of(GrantTarget.Level.PROCEDURE, database, null, "place_order"),
                    "EXECUTE",
                    true)),
            Set.of());
    Grantee grantee = Grantee.user(user);

    engine.ensureGrants(grantee, wanted, GrantScope.of(wanted), Enforcement.apply());

    assertThat(engine.currentGrants(grantee, GrantScope.of(wanted)).privileges())
        .containsExactlyInAnyOrderElementsOf(wanted.privileges());
    assertThat(
            engine
                .ensureGrants(grantee, wanted, GrantScope.of(wanted), Enforcement.detect())
                .drift()
                .detected())
        .isFalse();
  }

  @Test
  void listsViewsAUserDefinedAsObjectsItOwns() throws Exception {
    String database = scratch.databaseName("definer");
    engine.ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    String user = scratch.principalName("definer");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DEFINER = '" + user + "'@'%' VIEW v AS SELECT 1 AS one");
    }

    assertThat(engine.objectsOwnedBy(user)).containsExactly("view " + database + ".v");
  }
}
