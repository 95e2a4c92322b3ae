package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.connect.ConnectionPools;
import io.dbprovision.operator.connect.ConnectionSettings;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every engine promises, run against a real server by one subclass per engine. The
 * scenarios are the same; only the SQL a test uses to look at or tamper with the server behind the
 * engine's back differs, and it comes from the subclass.
 */
abstract class DatabaseEngineContract {
  protected DatabaseServer server;
  protected Scratch scratch;
  protected ConnectionPools pools;
  protected DatabaseEngine engine;
  protected RecordingConnections recorded;

  /** Which real server this run uses. */
  protected abstract TestServer testServer();

  protected abstract Engine engineKind();

  /** A database with a table {@code orders} (and on PostgreSQL a schema {@code app} holding it). */
  protected abstract GrantTarget ordersTable(String database);

  /** Creates {@link #ordersTable} in the database, as an application would. */
  protected abstract void createOrdersTable(String database) throws SQLException;

  /** A value of the database that a person might change behind the operator's back, and back. */
  protected abstract DesiredDatabase withChangedSetting(DesiredDatabase database);

  protected abstract void changeSettingBehindTheEngine(String database) throws SQLException;

  protected abstract String changedSettingField();

  protected abstract void changeUserBehindTheEngine(String user) throws SQLException;

  protected abstract String changedUserField();

  /** The server's own answer: does the grantee hold this table privilege? */
  protected abstract boolean holdsTablePrivilege(String grantee, String database, String privilege)
      throws SQLException;

  /** A database any new login may connect to. */
  protected abstract String loginDatabase();

  protected abstract boolean principalExists(String name) throws SQLException;

  protected abstract boolean databaseExists(String name) throws SQLException;

  protected abstract void grantBehindTheEngine(String grantee, String database, String privilege)
      throws SQLException;

  @BeforeEach
  void connect() {
    server = RealDatabases.server(testServer());
    scratch = Scratch.on(server);
    pools = new ConnectionPools();
    recorded = new RecordingConnections(pools.forInstance("test", "instance", settings(server)));
    engine = new DatabaseEngines(Duration.ofSeconds(30)).engineFor(engineKind(), recorded);
  }

  @AfterEach
  void cleanUp() throws SQLException {
    pools.close();
    scratch.close();
  }

  protected ConnectionSettings settings(DatabaseServer server) {
    return new ConnectionSettings(
        engineKind(),
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
  }

  protected void admin(String sql) throws SQLException {
    try (Connection admin = server.openAdmin();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  protected boolean exists(String database, String sql, String... parameters) throws SQLException {
    try (Connection connection = scratch.connect(database);
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  // ---------------------------------------------------------------- health

  @Test
  void reportsTheServerVersionAndTheRoundTripTime() throws Exception {
    ServerInfo info = engine.checkHealth();

    assertThat(info.version()).isNotBlank();
    assertThat(info.latency()).isPositive();
  }

  @Test
  void aServerThatDoesNotListenIsATransientConnectionFailure() {
    DatabaseServer nowhere =
        new DatabaseServer(
            server.kind(), "127.0.0.1", 1, server.adminUser(), "", server.adminDatabase());
    DatabaseEngine unreachable =
        new DatabaseEngines(Duration.ofSeconds(5))
            .engineFor(engineKind(), pools.forInstance("test", "nowhere", settings(nowhere)));

    assertThatThrownBy(unreachable::checkHealth)
        .isInstanceOf(ConnectionFailedException.class)
        .satisfies(e -> assertThat(((EngineException) e).isRetryable()).isTrue());
  }

  @Test
  void aMissingPrivilegeOfTheOperatorsAccountIsPermanent() throws Exception {
    String weak = scratch.principalName("weak");
    engine.ensureUser(
        DesiredLogin.named(weak), Password.of("weak-password-1"), Enforcement.apply());
    DatabaseServer asWeak =
        new DatabaseServer(
            server.kind(), server.host(), server.port(), weak, "weak-password-1", loginDatabase());
    DatabaseEngine limited =
        new DatabaseEngines(Duration.ofSeconds(5))
            .engineFor(engineKind(), pools.forInstance("test", "weak", settings(asWeak)));

    assertThatThrownBy(
            () ->
                limited.ensureDatabase(
                    DesiredDatabase.named(scratch.databaseName("denied")), Enforcement.apply()))
        .isInstanceOf(PermissionDeniedException.class)
        .satisfies(e -> assertThat(((EngineException) e).isRetryable()).isFalse());
  }

  @Test
  void aPassWithNothingToChangeSendsNoStatementToTheServer() throws Exception {
    GrantFixture f = grantFixture();
    DesiredDatabase database = DesiredDatabase.named(f.database());
    DesiredLogin login = DesiredLogin.named(f.user());
    DesiredRole role = DesiredRole.named(f.role());
    GrantSet wanted = grants(f, Set.of(f.role()), "SELECT", "ALL PRIVILEGES");
    engine.ensureGrants(Grantee.user(f.user()), wanted, GrantScope.of(wanted), Enforcement.apply());
    recorded.clear();

    List<Outcome> outcomes =
        List.of(
            engine.ensureDatabase(database, Enforcement.correct(true)),
            engine.ensureUser(login, Password.of("secret-123"), Enforcement.correct(true)),
            engine.ensureRole(role, Enforcement.correct(true)),
            engine.ensureGrants(
                Grantee.user(f.user()), wanted, GrantScope.of(wanted), Enforcement.correct(true)));

    assertThat(outcomes).extracting(Outcome::change).containsOnly(Outcome.Change.NOOP);
    assertThat(recorded.executed()).isEmpty();
  }

  // ---------------------------------------------------------------- databases

  @Test
  void createsADatabaseOnceAndThenHasNothingToDo() throws Exception {
    DesiredDatabase database = DesiredDatabase.named(scratch.databaseName("create"));

    Outcome first = engine.ensureDatabase(database, Enforcement.apply());
    Outcome second = engine.ensureDatabase(database, Enforcement.apply());

    assertThat(first.change()).isEqualTo(Outcome.Change.CREATED);
    assertThat(second.change()).isEqualTo(Outcome.Change.NOOP);
    assertThat(second.drift().detected()).isFalse();
    assertThat(databaseExists(database.name())).isTrue();
    assertThat(engine.databaseSize(database.name())).isPresent();
    assertThat(engine.databaseSize("dbpt_never_created")).isEmpty();
  }

  @Test
  void appliesAChangedSpecToAnExistingDatabase() throws Exception {
    DesiredDatabase database = DesiredDatabase.named(scratch.databaseName("update"));
    engine.ensureDatabase(database, Enforcement.apply());

    Outcome updated = engine.ensureDatabase(withChangedSetting(database), Enforcement.apply());

    assertThat(updated.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(updated.drift().detected()).isFalse();
    assertThat(
            engine
                .ensureDatabase(withChangedSetting(database), Enforcement.detect())
                .drift()
                .detected())
        .isFalse();
  }

  @Test
  void reportsDatabaseDriftAndCorrectsItOnlyWhenAsked() throws Exception {
    DesiredDatabase database = DesiredDatabase.named(scratch.databaseName("drift"));
    engine.ensureDatabase(database, Enforcement.apply());
    changeSettingBehindTheEngine(database.name());

    Outcome detected = engine.ensureDatabase(database, Enforcement.detect());
    Outcome detectedAgain = engine.ensureDatabase(database, Enforcement.detect());
    Outcome corrected = engine.ensureDatabase(database, Enforcement.correct(false));
    Outcome afterwards = engine.ensureDatabase(database, Enforcement.detect());

    assertThat(detected.change()).isEqualTo(Outcome.Change.NOOP);
    assertThat(detected.drift().differences())
        .extracting(Difference::field)
        .contains(changedSettingField());
    assertThat(detectedAgain.drift().detected()).as("detect changed nothing").isTrue();
    assertThat(corrected.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(corrected.drift().corrected())
        .extracting(Difference::field)
        .contains(changedSettingField());
    assertThat(afterwards.drift().detected()).isFalse();
  }

  @Test
  void dropsADatabaseEvenWhileSomeoneIsConnectedToIt() throws Exception {
    DesiredDatabase database = DesiredDatabase.named(scratch.databaseName("drop"));
    engine.ensureDatabase(database, Enforcement.apply());

    try (Connection busy = scratch.connect(database.name());
        Statement statement = busy.createStatement()) {
      statement.execute("SELECT 1");
      assertThat(engine.dropDatabase(database.name()).change()).isEqualTo(Outcome.Change.DELETED);
    }

    assertThat(databaseExists(database.name())).isFalse();
    assertThat(engine.dropDatabase(database.name()).change()).isEqualTo(Outcome.Change.NOOP);
  }

  // ---------------------------------------------------------------- users and roles

  @Test
  void createsAUserWhoLogsInWithThePassword() throws Exception {
    DesiredLogin login = DesiredLogin.named(scratch.principalName("login"));
    Password password = Password.of("first-Pa55'word\\with;quotes");

    Outcome created = engine.ensureUser(login, password, Enforcement.apply());
    Outcome again = engine.ensureUser(login, password, Enforcement.apply());

    assertThat(created.change()).isEqualTo(Outcome.Change.CREATED);
    assertThat(again.change()).isEqualTo(Outcome.Change.NOOP);
    try (Connection connection = server.open(loginDatabase(), login.name(), password.reveal())) {
      assertThat(connection.isValid(5)).isTrue();
    }
    assertLoginRefused(login.name(), "not-the-password");
  }

  /**
   * Whether a wrong password is refused. The local PostgreSQL trusts loopback connections, so it
   * accepts any password and the refusal can only be shown on MariaDB.
   */
  protected abstract void assertLoginRefused(String user, String wrongPassword) throws SQLException;

  @Test
  void rotatesAPassword() throws Exception {
    DesiredLogin login = DesiredLogin.named(scratch.principalName("rotate"));
    Password old = Password.of("old-password-1");
    Password fresh = Password.of("new-password-2");
    engine.ensureUser(login, old, Enforcement.apply());

    Outcome rotated = engine.setPassword(login, fresh);

    assertThat(rotated.change()).isEqualTo(Outcome.Change.UPDATED);
    try (Connection connection = server.open(loginDatabase(), login.name(), fresh.reveal())) {
      assertThat(connection.isValid(5)).isTrue();
    }
    assertLoginRefused(login.name(), old.reveal());
  }

  @Test
  void reportsUserDriftAndCorrectsIt() throws Exception {
    DesiredLogin login = DesiredLogin.named(scratch.principalName("udrift"));
    engine.ensureUser(login, Password.of("secret-123"), Enforcement.apply());
    changeUserBehindTheEngine(login.name());

    Outcome detected = engine.ensureUser(login, Password.of("secret-123"), Enforcement.detect());
    Outcome corrected =
        engine.ensureUser(login, Password.of("secret-123"), Enforcement.correct(false));

    assertThat(detected.drift().differences())
        .extracting(Difference::field)
        .contains(changedUserField());
    assertThat(corrected.drift().corrected())
        .extracting(Difference::field)
        .contains(changedUserField());
    assertThat(
            engine
                .ensureUser(login, Password.of("secret-123"), Enforcement.detect())
                .drift()
                .detected())
        .isFalse();
  }

  @Test
  void dropsAUserAndThenHasNothingToDrop() throws Exception {
    DesiredLogin login = DesiredLogin.named(scratch.principalName("dropuser"));
    engine.ensureUser(login, Password.of("secret-123"), Enforcement.apply());

    assertThat(engine.dropUser(login.name()).change()).isEqualTo(Outcome.Change.DELETED);
    assertThat(principalExists(login.name())).isFalse();
    assertThat(engine.dropUser(login.name()).change()).isEqualTo(Outcome.Change.NOOP);
  }

  @Test
  void createsAndDropsARole() throws Exception {
    DesiredRole role = DesiredRole.named(scratch.principalName("role"));

    assertThat(engine.ensureRole(role, Enforcement.apply()).change())
        .isEqualTo(Outcome.Change.CREATED);
    assertThat(engine.ensureRole(role, Enforcement.apply()).change())
        .isEqualTo(Outcome.Change.NOOP);
    assertThat(principalExists(role.name())).isTrue();
    assertThat(engine.dropRole(role.name()).change()).isEqualTo(Outcome.Change.DELETED);
    assertThat(principalExists(role.name())).isFalse();
  }

  // ---------------------------------------------------------------- grants

  private record GrantFixture(String database, String user, String role, GrantTarget table) {}

  private GrantFixture grantFixture() throws Exception {
    String database = scratch.databaseName("grants");
    engine.ensureDatabase(DesiredDatabase.named(database), Enforcement.apply());
    createOrdersTable(database);
    String user = scratch.principalName("grantee");
    engine.ensureUser(DesiredLogin.named(user), Password.of("secret-123"), Enforcement.apply());
    String role = scratch.principalName("readers");
    engine.ensureRole(DesiredRole.named(role), Enforcement.apply());
    return new GrantFixture(database, user, role, ordersTable(database));
  }

  private static GrantSet grants(GrantFixture f, Set<String> roles, String... privileges) {
    List<Privilege> list = new ArrayList<>();
    for (String privilege : privileges) {
      list.add(Privilege.on(f.table(), privilege));
    }
    return new GrantSet(roles, Set.copyOf(list), Set.of());
  }

  @Test
  void grantsWhatIsMissingAndRevokesWhatTheSpecNoLongerHas() throws Exception {
    GrantFixture f = grantFixture();
    Grantee grantee = Grantee.user(f.user());
    GrantSet before = grants(f, Set.of(f.role()), "SELECT", "INSERT");
    GrantSet after = grants(f, Set.of(), "SELECT");
    GrantScope scope = GrantScope.of(before);

    Outcome granted = engine.ensureGrants(grantee, before, scope, Enforcement.apply());
    Outcome unchanged = engine.ensureGrants(grantee, before, scope, Enforcement.apply());

    assertThat(granted.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(unchanged.change()).isEqualTo(Outcome.Change.NOOP);
    assertThat(holdsTablePrivilege(f.user(), f.database(), "INSERT")).isTrue();
    assertThat(engine.currentGrants(grantee, scope).memberships()).containsExactly(f.role());

    Outcome narrowed = engine.ensureGrants(grantee, after, scope, Enforcement.apply());

    assertThat(narrowed.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(holdsTablePrivilege(f.user(), f.database(), "SELECT")).isTrue();
    assertThat(holdsTablePrivilege(f.user(), f.database(), "INSERT")).isFalse();
    GrantSet current = engine.currentGrants(grantee, scope);
    assertThat(current.memberships()).isEmpty();
    assertThat(current.privileges()).extracting(Privilege::privilege).containsExactly("SELECT");
  }

  @Test
  void expandsAllPrivilegesSoThatAGrantedAllIsNotDrift() throws Exception {
    GrantFixture f = grantFixture();
    Grantee grantee = Grantee.user(f.user());
    GrantSet all = grants(f, Set.of(), "ALL PRIVILEGES");

    engine.ensureGrants(grantee, all, GrantScope.of(all), Enforcement.apply());

    assertThat(
            engine
                .ensureGrants(grantee, all, GrantScope.of(all), Enforcement.detect())
                .drift()
                .detected())
        .isFalse();
  }

  @Test
  void reportsGrantDriftAndRevokesExtrasOnlyWhenDestructiveCorrectionIsAllowed() throws Exception {
    GrantFixture f = grantFixture();
    Grantee grantee = Grantee.user(f.user());
    GrantSet wanted = grants(f, Set.of(), "SELECT");
    GrantScope scope = GrantScope.of(wanted);
    engine.ensureGrants(grantee, wanted, scope, Enforcement.apply());
    grantBehindTheEngine(f.user(), f.database(), "DELETE");

    Outcome detected = engine.ensureGrants(grantee, wanted, scope, Enforcement.detect());
    Outcome gentle = engine.ensureGrants(grantee, wanted, scope, Enforcement.correct(false));

    assertThat(detected.drift().differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).endsWith(".extra");
              assertThat(d.actual()).isEqualTo("DELETE");
              assertThat(d.destructive()).isTrue();
            });
    assertThat(gentle.change()).isEqualTo(Outcome.Change.NOOP);
    assertThat(holdsTablePrivilege(f.user(), f.database(), "DELETE")).isTrue();

    Outcome forced = engine.ensureGrants(grantee, wanted, scope, Enforcement.correct(true));

    assertThat(forced.drift().corrected()).hasSize(1);
    assertThat(holdsTablePrivilege(f.user(), f.database(), "DELETE")).isFalse();
  }

  @Test
  void regrantsAPrivilegeRevokedBehindItsBack() throws Exception {
    GrantFixture f = grantFixture();
    Grantee grantee = Grantee.user(f.user());
    GrantSet wanted = grants(f, Set.of(), "SELECT", "UPDATE");
    GrantScope scope = GrantScope.of(wanted);
    engine.ensureGrants(grantee, wanted, scope, Enforcement.apply());
    engine.applyGrantPlan(
        grantee,
        io.dbprovision.operator.model.GrantPlan.diff(
            engine.resolve(grantee, wanted),
            engine.resolve(grantee, grants(f, Set.of(), "SELECT"))));
    assertThat(holdsTablePrivilege(f.user(), f.database(), "UPDATE")).isFalse();

    Outcome corrected = engine.ensureGrants(grantee, wanted, scope, Enforcement.correct(false));

    assertThat(corrected.drift().corrected())
        .singleElement()
        .satisfies(d -> assertThat(d.field()).endsWith(".missing"));
    assertThat(holdsTablePrivilege(f.user(), f.database(), "UPDATE")).isTrue();
  }

  @Test
  void refusesPrivilegesOutsideTheAllowlist() throws Exception {
    GrantFixture f = grantFixture();
    GrantSet hostile = grants(f, Set.of(), "SELECT; DROP TABLE orders");

    assertThatThrownBy(
            () ->
                engine.ensureGrants(
                    Grantee.user(f.user()), hostile, GrantScope.of(hostile), Enforcement.apply()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("does not apply");
    assertThat(holdsTablePrivilege(f.user(), f.database(), "SELECT")).isFalse();
  }
}
