package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.DatabaseGrantSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.MySqlGrant;
import io.dbprovision.api.v1alpha1.MySqlGrantLevel;
import io.dbprovision.api.v1alpha1.MySqlGrantSpec;
import io.dbprovision.api.v1alpha1.PostgresDefaultPrivilege;
import io.dbprovision.api.v1alpha1.PostgresGrant;
import io.dbprovision.api.v1alpha1.PostgresGrantSpec;
import io.dbprovision.api.v1alpha1.PostgresObjectType;
import io.dbprovision.operator.connect.ConnectionPools;
import io.dbprovision.operator.connect.ConnectionSettings;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantRequests;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.MySqlAccount;
import io.dbprovision.operator.model.Password;
import io.dbprovision.operator.model.Privilege;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile names and privileges against the real servers (issue 5, part 6). Names that must be plain
 * identifiers are refused before any SQL is sent; free-form names are quoted and become exactly the
 * object they name; privileges outside the allowlist are refused. Afterwards the catalogs hold
 * nothing the test did not mean to create.
 */
class HostileNamesIT {
  static final List<String> HOSTILE =
      List.of(
          "x\"; DROP DATABASE postgres; --",
          "x'; DROP USER root; --",
          "x`; DROP DATABASE mysql; --",
          "x/*comment*/y",
          "x -- y",
          "semi;colon",
          "\u0430dmin", // Cyrillic a: looks like admin
          "caf\u00e9",
          "back\\slash",
          "zero\u200bwidth",
          "",
          "tab\tname",
          "nul\u0000name",
          "a".repeat(64));

  static final List<String> HOSTILE_PRIVILEGES =
      List.of(
          "SELECT; DROP TABLE orders",
          "SELECT --",
          "ALL PRIVILEGES ON *.* TO root",
          "SELECT'",
          "SEL\u0415CT", // Cyrillic E
          "GRANT OPTION",
          "");

  private static final Pattern PLAIN = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private record Target(
      DatabaseServer server, Scratch scratch, DatabaseEngine engine, RecordingConnections sent) {}

  private Target target(TestServer kind) {
    DatabaseServer server = RealDatabases.server(kind);
    Scratch scratch = Scratch.on(server);
    ConnectionPools pools = new ConnectionPools();
    resources.add(pools);
    resources.add(scratch);
    Engine engine = kind == TestServer.POSTGRES ? Engine.postgres : Engine.mariadb;
    ConnectionSettings settings =
        new ConnectionSettings(
            engine,
            server.host(),
            server.port(),
            server.adminDatabase(),
            server.adminUser(),
            Password.of(server.adminPassword()),
            false,
            null,
            Optional.empty(),
            null,
            Duration.ofSeconds(5),
            null);
    RecordingConnections sent =
        new RecordingConnections(pools.forInstance("hostile", "instance", settings));
    return new Target(
        server, scratch, new DatabaseEngines(Duration.ofSeconds(30)).engineFor(engine, sent), sent);
  }

  /** Database and principal names on the server that are not plain identifiers. */
  private static Set<String> oddNames(DatabaseServer server) throws SQLException {
    String sql =
        server.kind() == TestServer.POSTGRES
            ? "SELECT datname FROM pg_database UNION ALL SELECT rolname FROM pg_roles"
            : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " UNION ALL SELECT CONCAT(User, '@', Host) FROM mysql.user";
    Set<String> names = new TreeSet<>();
    try (Connection admin = server.openAdmin();
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        String name = rows.getString(1);
        String bare = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        if (!PLAIN.matcher(bare).matches()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static void refusedForEveryHostileName(ThrowingConsumer<String> call) {
    for (String name : HOSTILE) {
      assertThatThrownBy(() -> call.accept(name))
          .as("name %s", Identifiers.display(name))
          .isInstanceOf(InvalidSpecException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void refusesHostileDatabaseUserAndRoleNamesBeforeAnySqlIsSent(TestServer kind) throws Exception {
    Target t = target(kind);
    Set<String> before = oddNames(t.server());
    Password password = Password.of("secret-123");

    refusedForEveryHostileName(
        n -> t.engine().ensureDatabase(DesiredDatabase.named(n), Enforcement.apply()));
    refusedForEveryHostileName(
        n -> t.engine().ensureUser(DesiredLogin.named(n), password, Enforcement.apply()));
    refusedForEveryHostileName(
        n -> t.engine().ensureRole(DesiredRole.named(n), Enforcement.apply()));
    refusedForEveryHostileName(n -> t.engine().dropDatabase(n));
    refusedForEveryHostileName(n -> t.engine().dropUser(n));
    refusedForEveryHostileName(n -> t.engine().dropRole(n));
    refusedForEveryHostileName(n -> t.engine().setPassword(DesiredLogin.named(n), password));
    refusedForEveryHostileName(
        n ->
            t.engine()
                .ensureGrants(
                    Grantee.user(n),
                    GrantSet.EMPTY,
                    GrantScope.of(GrantSet.EMPTY),
                    Enforcement.apply()));

    assertThat(oddNames(t.server())).isEqualTo(before);
    assertThat(t.sent().executed()).as("statements sent").isEmpty();
  }

  @Test
  void refusesHostileMySqlHostsAndCreatesNoAccount() throws Exception {
    Target t = target(TestServer.MARIADB);
    Set<String> before = oddNames(t.server());
    String user = t.scratch().principalName("hosts");

    for (String host : List.of("%'@'evil", "x'; DROP USER root; --", "a b", "h`x", "")) {
      DesiredLogin login =
          new DesiredLogin(user, null, MySqlAccount.DEFAULTS.withHosts(List.of(host)));
      assertThatThrownBy(
              () -> t.engine().ensureUser(login, Password.of("secret-123"), Enforcement.apply()))
          .isInstanceOf(InvalidSpecException.class);
    }

    assertThat(oddNames(t.server())).isEqualTo(before);
    assertThat(exists(t, "SELECT 1 FROM mysql.user WHERE User = ?", user)).isFalse();
  }

  @Test
  void quotesHostileSchemaNamesIntoExactlyThoseSchemas() throws Exception {
    Target t = target(TestServer.POSTGRES);
    String database = t.scratch().databaseName("schemas");
    List<String> quotable = quotableNames(63);

    t.engine()
        .ensureDatabase(
            DesiredDatabase.named(database)
                .withPostgres(
                    DesiredDatabase.PostgresOptions.DEFAULTS.withSchemas(
                        quotable.stream().map(DesiredDatabase.Schema::named).toList())),
            Enforcement.apply());

    Set<String> schemas = new HashSet<>();
    try (Connection connection = t.scratch().connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                    + " AND nspname <> 'information_schema'")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    Set<String> expected = new HashSet<>(quotable);
    expected.add("public");
    assertThat(schemas).isEqualTo(expected);
    assertThat(exists(t, "SELECT 1 FROM pg_database WHERE datname = ?", "postgres")).isTrue();

    for (String name : List.of("", "tab\tname", "nul\u0000name", "a".repeat(64))) {
      assertThatThrownBy(
              () ->
                  t.engine()
                      .ensureDatabase(
                          DesiredDatabase.named(database)
                              .withPostgres(
                                  DesiredDatabase.PostgresOptions.DEFAULTS.withSchemas(
                                      List.of(DesiredDatabase.Schema.named(name)))),
                          Enforcement.apply()))
          .isInstanceOf(InvalidSpecException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void grantsOnHostileTableNamesReachExactlyThoseTables(TestServer kind) throws Exception {
    Target t = target(kind);
    String database = t.scratch().databaseName("tables");
    t.engine().ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    String user = t.scratch().principalName("reader");
    t.engine().ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    List<String> tables = quotableNames(kind == TestServer.POSTGRES ? 63 : 64);
    String schema = kind == TestServer.POSTGRES ? "public" : null;
    try (Connection connection = t.scratch().connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + t.scratch().quote("innocent") + " (id INT)");
      for (String table : tables) {
        statement.execute("CREATE TABLE " + t.scratch().quote(table) + " (id INT)");
      }
    }
    Set<Privilege> wanted = new HashSet<>();
    for (String table : tables) {
      wanted.add(
          Privilege.on(GrantTarget.of(GrantTarget.Level.TABLE, database, schema, table), "SELECT"));
    }
    GrantSet desired = new GrantSet(Set.of(), wanted, Set.of());
    Grantee grantee = Grantee.user(user);

    t.engine().ensureGrants(grantee, desired, GrantScope.of(desired), Enforcement.apply());

    for (String statement : t.sent().executed()) {
      for (String table : tables) {
        String quoted = t.scratch().quote(table);
        // Where a hostile name occurs, it occurs quoted: removing the quoted form leaves no trace.
        assertThat(statement.replace(quoted, "")).as(statement).doesNotContain(table);
      }
    }
    assertThat(t.sent().executed()).anySatisfy(sql -> assertThat(sql).startsWith("GRANT"));
    Set<String> granted = tablesWithSelect(t, database, user);
    assertThat(granted).containsExactlyInAnyOrderElementsOf(tables).doesNotContain("innocent");

    t.engine().ensureGrants(grantee, GrantSet.EMPTY, GrantScope.of(desired), Enforcement.apply());
    assertThat(tablesWithSelect(t, database, user)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void refusesHostilePrivilegesAndGrantsNothing(TestServer kind) throws Exception {
    Target t = target(kind);
    String database = t.scratch().databaseName("privs");
    t.engine().ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    String user = t.scratch().principalName("victim");
    t.engine().ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    GrantTarget target =
        kind == TestServer.POSTGRES
            ? GrantTarget.database(database)
            : GrantTarget.database(database);

    for (String privilege : HOSTILE_PRIVILEGES) {
      GrantSet hostile = new GrantSet(Set.of(), Set.of(Privilege.on(target, privilege)), Set.of());
      assertThatThrownBy(
              () ->
                  t.engine()
                      .ensureGrants(
                          Grantee.user(user), hostile, GrantScope.of(hostile), Enforcement.apply()))
          .as("privilege %s", Identifiers.display(privilege))
          .isInstanceOf(InvalidSpecException.class);
    }

    GrantScope scope = GrantScope.of(GrantSet.EMPTY).withDatabase(database);
    assertThat(t.engine().currentGrants(Grantee.user(user), scope).privileges()).isEmpty();
  }

  /**
   * Every free-form name of a DatabaseGrant spec (memberships, databases, schemas, tables, columns,
   * routines, default privileges' schema and owner) carrying a hostile value, from the spec through
   * {@link GrantRequests} to the engine: refused, or sent quoted and refused by the server because
   * no such object exists. Nothing is granted and nothing is created.
   */
  @ParameterizedTest
  @EnumSource(TestServer.class)
  void hostileNamesInEveryGrantSpecFieldAreQuotedOrRefusedAndGrantNothing(TestServer kind)
      throws Exception {
    Target t = target(kind);
    String database = t.scratch().databaseName("specs");
    t.engine().ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    try (Connection connection = t.scratch().connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT)");
    }
    String user = t.scratch().principalName("grantee");
    t.engine().ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    Grantee grantee = Grantee.user(user);
    Engine engine = kind == TestServer.POSTGRES ? Engine.postgres : Engine.mariadb;
    Set<String> before = oddNames(t.server());
    t.sent().clear();

    for (String name : HOSTILE) {
      for (DatabaseGrantSpec spec :
          hostileGrantSpecs(kind, database, t.server().adminUser(), name)) {
        GrantSet requested = GrantRequests.forGrant(spec, engine);
        assertThatThrownBy(
                () ->
                    t.engine()
                        .ensureGrants(
                            grantee,
                            requested,
                            GrantScope.of(requested).withDatabase(database),
                            Enforcement.apply()))
            .as("grant naming %s", Identifiers.display(name))
            .isInstanceOf(EngineException.class);
      }
    }

    // Quotable names reach the server, quoted, and the server finds no such object.
    assertThat(t.sent().executed()).anySatisfy(sql -> assertThat(sql).startsWith("GRANT"));
    for (String statement : t.sent().executed()) {
      for (String name : quotableNames(kind == TestServer.POSTGRES ? 63 : 64)) {
        assertThat(statement.replace(t.scratch().quote(name), ""))
            .as(statement)
            .doesNotContain(name);
      }
    }
    assertThat(oddNames(t.server())).isEqualTo(before);
    GrantSet held =
        t.engine().currentGrants(grantee, GrantScope.of(GrantSet.EMPTY).withDatabase(database));
    assertThat(held.isEmpty()).as("grants held: %s", held).isTrue();
  }

  /** One grant spec per free-form field, with {@code name} in that field. */
  private static List<DatabaseGrantSpec> hostileGrantSpecs(
      TestServer kind, String database, String owner, String name) {
    List<DatabaseGrantSpec> specs = new ArrayList<>();
    if (kind == TestServer.POSTGRES) {
      specs.add(postgresSpec(pg -> pg.setRoles(List.of(name))));
      specs.add(postgresGrant(database, g -> g.setDatabase(name), "CONNECT"));
      specs.add(postgresGrant(database, g -> g.setSchema(name), "USAGE"));
      specs.add(postgresGrant(database, g -> g.setTables(List.of(name)), "SELECT"));
      specs.add(postgresGrant(database, g -> g.setSequences(List.of(name)), "USAGE"));
      specs.add(postgresGrant(database, g -> g.setFunctions(List.of(name)), "EXECUTE"));
      for (boolean inSchema : new boolean[] {true, false}) {
        PostgresDefaultPrivilege defaults = new PostgresDefaultPrivilege();
        defaults.setDatabase(database);
        defaults.setSchema(inSchema ? name : "public");
        defaults.setGrantedBy(inSchema ? owner : name);
        defaults.setObjectType(PostgresObjectType.tables);
        defaults.setPrivileges(List.of("SELECT"));
        specs.add(postgresSpec(pg -> pg.setDefaultPrivileges(List.of(defaults))));
      }
      return specs;
    }
    specs.add(mysqlSpec(my -> my.setRoles(List.of(name))));
    specs.add(mysqlGrant(MySqlGrantLevel.table, database, g -> g.setTable(name), "SELECT"));
    specs.add(
        mysqlGrant(
            MySqlGrantLevel.column,
            database,
            g -> {
              g.setTable("t");
              g.setColumns(List.of(name));
            },
            "SELECT"));
    specs.add(
        mysqlGrant(MySqlGrantLevel.procedure, database, g -> g.setProcedure(name), "EXECUTE"));
    specs.add(mysqlGrant(MySqlGrantLevel.function, database, g -> g.setFunction(name), "EXECUTE"));
    return specs;
  }

  private static DatabaseGrantSpec postgresSpec(Consumer<PostgresGrantSpec> body) {
    PostgresGrantSpec pg = new PostgresGrantSpec();
    body.accept(pg);
    DatabaseGrantSpec spec = new DatabaseGrantSpec();
    spec.setPostgres(pg);
    return spec;
  }

  private static DatabaseGrantSpec postgresGrant(
      String database, Consumer<PostgresGrant> body, String privilege) {
    PostgresGrant grant = new PostgresGrant();
    grant.setDatabase(database);
    grant.setPrivileges(List.of(privilege));
    body.accept(grant);
    if (grant.getSchema() == null
        && (grant.getTables() != null
            || grant.getSequences() != null
            || grant.getFunctions() != null)) {
      grant.setSchema("public");
    }
    return postgresSpec(pg -> pg.setGrants(List.of(grant)));
  }

  private static DatabaseGrantSpec mysqlSpec(Consumer<MySqlGrantSpec> body) {
    MySqlGrantSpec my = new MySqlGrantSpec();
    body.accept(my);
    DatabaseGrantSpec spec = new DatabaseGrantSpec();
    spec.setMysql(my);
    return spec;
  }

  private static DatabaseGrantSpec mysqlGrant(
      MySqlGrantLevel level, String database, Consumer<MySqlGrant> body, String privilege) {
    MySqlGrant grant = new MySqlGrant();
    grant.setLevel(level);
    grant.setDatabase(database);
    grant.setPrivileges(List.of(privilege));
    body.accept(grant);
    return mysqlSpec(my -> my.setGrants(List.of(grant)));
  }

  /** The hostile names a quoting dialect must accept and keep exact. */
  private static List<String> quotableNames(int maxBytes) {
    return HOSTILE.stream()
        .filter(n -> !n.isEmpty())
        .filter(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes)
        .filter(n -> n.codePoints().noneMatch(Character::isISOControl))
        .toList();
  }

  private static Set<String> tablesWithSelect(Target t, String database, String user)
      throws SQLException {
    String sql =
        t.server().kind() == TestServer.POSTGRES
            ? "SELECT c.relname FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a"
                + " WHERE a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)"
                + " AND a.privilege_type = 'SELECT'"
            : "SELECT TABLE_NAME FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?"
                + " AND TABLE_SCHEMA = ? AND PRIVILEGE_TYPE = 'SELECT'";
    Set<String> tables = new HashSet<>();
    try (Connection connection = t.scratch().connect(database);
        PreparedStatement query = connection.prepareStatement(sql)) {
      if (t.server().kind() == TestServer.POSTGRES) {
        query.setString(1, user);
      } else {
        query.setString(1, "'" + user + "'@'%'");
        query.setString(2, database);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    return tables;
  }

  private static boolean exists(Target t, String sql, String parameter) throws SQLException {
    try (Connection admin = t.server().openAdmin();
        PreparedStatement query = admin.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
