package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.model.DefaultPrivilege;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.DriftReport.Difference;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Password;
import io.dbprovision.operator.model.Privilege;
import io.dbprovision.operator.model.RoleAttributes;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

  // ---------------------------------------------------------------- PostgreSQL only

  private String createdDatabase(String hint, DesiredDatabase.PostgresOptions options)
      throws Exception {
    String name = scratch.databaseName(hint);
    engine.ensureDatabase(DesiredDatabase.named(name).withPostgres(options), Enforcement.apply());
    return name;
  }

  @Test
  void installsExtensionsAndCreatesSchemasAndRepairsThemWhenDropped() throws Exception {
    String owner = scratch.principalName("schemaowner");
    engine.ensureRole(DesiredRole.named(owner), Enforcement.apply());
    DesiredDatabase.PostgresOptions options =
        DesiredDatabase.PostgresOptions.DEFAULTS
            .withExtensions(List.of(DesiredDatabase.Extension.named("hstore")))
            .withSchemas(
                List.of(
                    new DesiredDatabase.Schema("app", Optional.of(owner)),
                    DesiredDatabase.Schema.named("audit")));
    String name = createdDatabase("ext", options);
    DesiredDatabase database = DesiredDatabase.named(name).withPostgres(options);

    assertThat(exists(name, "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hstore')"))
        .isTrue();
    assertThat(
            exists(
                name,
                "SELECT pg_get_userbyid(nspowner) = ? FROM pg_namespace WHERE nspname = 'app'",
                owner))
        .isTrue();

    try (Connection connection = scratch.connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA audit");
      statement.execute("DROP EXTENSION hstore");
    }
    Outcome detected = engine.ensureDatabase(database, Enforcement.detect());
    Outcome corrected = engine.ensureDatabase(database, Enforcement.correct(false));

    assertThat(detected.drift().differences())
        .extracting(Difference::field, Difference::expected)
        .containsExactlyInAnyOrder(
            tuple("extensions.missing", "hstore"), tuple("schemas.missing", "audit"));
    assertThat(corrected.drift().corrected()).hasSize(2);
    assertThat(exists(name, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'audit')"))
        .isTrue();
  }

  @Test
  void reportsEncodingDifferencesAsImmutable() throws Exception {
    String name = createdDatabase("enc", DesiredDatabase.PostgresOptions.DEFAULTS);
    DesiredDatabase.PostgresOptions latin =
        new DesiredDatabase.PostgresOptions(
            "LATIN1",
            Optional.empty(),
            Optional.empty(),
            "pg_default",
            "template0",
            -1,
            false,
            List.of(),
            List.of());

    Outcome outcome =
        engine.ensureDatabase(DesiredDatabase.named(name).withPostgres(latin), Enforcement.apply());

    assertThat(outcome.change()).isEqualTo(Outcome.Change.NOOP);
    assertThat(outcome.drift().differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo("encoding");
              assertThat(d.immutable()).isTrue();
            });
  }

  @Test
  void grantsOnEveryTableOfASchemaAndOnEveryOverloadOfAFunction() throws Exception {
    String name = createdDatabase("wild", DesiredDatabase.PostgresOptions.DEFAULTS);
    try (Connection connection = scratch.connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA app");
      statement.execute("CREATE TABLE app.a (id INT)");
      statement.execute("CREATE TABLE app.b (id INT)");
      statement.execute("CREATE FUNCTION app.f(x INT) RETURNS INT LANGUAGE sql AS 'SELECT x'");
      statement.execute("CREATE FUNCTION app.f(x TEXT) RETURNS TEXT LANGUAGE sql AS 'SELECT x'");
    }
    String user = scratch.principalName("wild");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    GrantSet requested =
        new GrantSet(
            Set.of(),
            Set.of(
                Privilege.on(
                    GrantTarget.of(GrantTarget.Level.TABLE, name, "app", GrantTarget.EVERY),
                    "SELECT"),
                Privilege.on(
                    GrantTarget.of(GrantTarget.Level.FUNCTION, name, "app", "f"), "EXECUTE"),
                Privilege.on(GrantTarget.schema(name, "app"), "USAGE")),
            Set.of());

    engine.ensureGrants(
        Grantee.user(user), requested, GrantScope.of(requested), Enforcement.apply());

    assertThat(exists(name, "SELECT has_table_privilege(?, 'app.a', 'SELECT')", user)).isTrue();
    assertThat(exists(name, "SELECT has_table_privilege(?, 'app.b', 'SELECT')", user)).isTrue();
    assertThat(exists(name, "SELECT has_function_privilege(?, 'app.f(text)', 'EXECUTE')", user))
        .isTrue();
    assertThat(
            engine
                .ensureGrants(
                    Grantee.user(user), requested, GrantScope.of(requested), Enforcement.detect())
                .drift()
                .detected())
        .isFalse();

    try (Connection connection = scratch.connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE app.c (id INT)");
    }
    Outcome later =
        engine.ensureGrants(
            Grantee.user(user), requested, GrantScope.of(requested), Enforcement.correct(false));
    assertThat(later.drift().corrected()).hasSize(1);
    assertThat(exists(name, "SELECT has_table_privilege(?, 'app.c', 'SELECT')", user)).isTrue();
  }

  @Test
  void managesDefaultPrivilegesOnFutureObjects() throws Exception {
    String name = createdDatabase("defaults", DesiredDatabase.PostgresOptions.DEFAULTS);
    String owner = scratch.principalName("creator");
    String reader = scratch.principalName("future");
    engine.ensureRole(DesiredRole.named(owner), Enforcement.apply());
    engine.ensureUser(DesiredLogin.named(reader), Password.of("secret-123"), Enforcement.apply());
    GrantSet requested =
        new GrantSet(
            Set.of(),
            Set.of(),
            Set.of(new DefaultPrivilege(name, "public", owner, "tables", "SELECT")));
    Grantee grantee = Grantee.user(reader);

    engine.ensureGrants(grantee, requested, GrantScope.of(requested), Enforcement.apply());

    assertThat(engine.currentGrants(grantee, GrantScope.of(requested)).defaultPrivileges())
        .containsExactly(new DefaultPrivilege(name, "public", owner, "tables", "SELECT"));

    engine.ensureGrants(grantee, GrantSet.EMPTY, GrantScope.of(requested), Enforcement.apply());

    assertThat(engine.currentGrants(grantee, GrantScope.of(requested)).defaultPrivileges())
        .isEmpty();
  }

  @Test
  void listsWhatAUserOwnsAndStillDropsItKeepingTheObjects() throws Exception {
    String user = scratch.principalName("owner");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    String name = scratch.databaseName("owned");
    engine.ensureDatabase(DesiredDatabase.named(name).withOwner(user), Enforcement.apply());

    assertThat(engine.objectsOwnedBy(user)).contains("database " + name);

    assertThat(engine.dropUser(user).change()).isEqualTo(Outcome.Change.DELETED);
    assertThat(principalExists(user)).isFalse();
    assertThat(databaseExists(name)).as("REASSIGN OWNED keeps the data").isTrue();
  }

  @Test
  void grantsMembershipsFromInRolesAndReportsOnesRevokedBehindItsBack() throws Exception {
    String group = scratch.principalName("group");
    engine.ensureRole(DesiredRole.named(group), Enforcement.apply());
    String user = scratch.principalName("member");
    DesiredLogin login =
        new DesiredLogin(user, RoleAttributes.LOGIN.withInRoles(List.of(group)), null);
    engine.ensureUser(login, Password.of("secret-123"), Enforcement.apply());
    admin("REVOKE " + scratch.quote(group) + " FROM " + scratch.quote(user));

    Outcome outcome =
        engine.ensureUser(login, Password.of("secret-123"), Enforcement.correct(false));

    assertThat(outcome.drift().corrected())
        .extracting(Difference::field)
        .containsExactly("inRoles.missing");
    assertThat(exists(server.adminDatabase(), "SELECT pg_has_role(?, ?, 'MEMBER')", user, group))
        .isTrue();
  }

  @Test
  void grantsOnSequencesAndTakesAGrantOptionBackWhenTheSpecDropsIt() throws Exception {
    String name = createdDatabase("seq", DesiredDatabase.PostgresOptions.DEFAULTS);
    try (Connection connection = scratch.connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SEQUENCE public.order_ids");
    }
    String user = scratch.principalName("seq");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    GrantTarget sequence = GrantTarget.of(GrantTarget.Level.SEQUENCE, name, "public", "order_ids");
    GrantSet withOption =
        new GrantSet(Set.of(), Set.of(new Privilege(sequence, "USAGE", true)), Set.of());
    GrantSet without = new GrantSet(Set.of(), Set.of(Privilege.on(sequence, "USAGE")), Set.of());
    Grantee grantee = Grantee.user(user);

    engine.ensureGrants(grantee, withOption, GrantScope.of(withOption), Enforcement.apply());
    assertThat(
            exists(
                name,
                "SELECT has_sequence_privilege(?, 'public.order_ids', 'USAGE WITH GRANT OPTION')",
                user))
        .isTrue();

    Outcome narrowed =
        engine.ensureGrants(grantee, without, GrantScope.of(without), Enforcement.apply());

    assertThat(narrowed.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(exists(name, "SELECT has_sequence_privilege(?, 'public.order_ids', 'USAGE')", user))
        .isTrue();
    assertThat(
            exists(
                name,
                "SELECT has_sequence_privilege(?, 'public.order_ids', 'USAGE WITH GRANT OPTION')",
                user))
        .isFalse();
  }
}
