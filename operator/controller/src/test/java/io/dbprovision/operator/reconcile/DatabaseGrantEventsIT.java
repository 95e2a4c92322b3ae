package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static io.dbprovision.operator.reconcile.ServerPrivileges.mysqlTable;
import static io.dbprovision.operator.reconcile.ServerPrivileges.postgresTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseGrantSpec;
import io.dbprovision.api.v1alpha1.DatabaseGrantStatus;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.DatabaseUserSpec;
import io.dbprovision.api.v1alpha1.DatabaseUserStatus;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import io.dbprovision.api.v1alpha1.MySqlGrantSpec;
import io.dbprovision.api.v1alpha1.PostgresGrant;
import io.dbprovision.api.v1alpha1.PostgresGrantSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DatabaseGrant on the real PostgreSQL and MariaDB: one scenario per catalog row, each provoked for
 * a real reason, and the grant diff checked in the servers' own catalogs.
 */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseGrantEventsIT {
  private static final String KIND = "DatabaseGrant";

  /** The test's names on the server it runs against, dropped afterwards. */
  private Scratch scratch;

  @AfterEach
  void dropScratch() throws SQLException {
    if (scratch != null) {
      scratch.close();
    }
  }

  private ServerPrivileges on(TestServer kind) {
    scratch = Scratch.on(RealDatabases.server(kind));
    return new ServerPrivileges(scratch);
  }

  private Scratch scratch() {
    return scratch;
  }

  /** A grant for the DatabaseRole {@code role}, without deletion protection unless asked. */
  static DatabaseGrant grant(String name, String role, Consumer<DatabaseGrantSpec> body) {
    DatabaseGrant grant = new DatabaseGrant();
    grant.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseGrantSpec spec = new DatabaseGrantSpec();
    spec.setRoleRef(new ResourceRef(role));
    spec.setDeletionProtection(false);
    body.accept(spec);
    grant.setSpec(spec);
    return grant;
  }

  /** Privileges on table {@code t} of {@code database}, in the block of the server's engine. */
  static Consumer<DatabaseGrantSpec> onTable(
      ServerPrivileges server, String database, List<String> privileges) {
    return spec -> {
      if (server.postgres()) {
        PostgresGrantSpec pg = new PostgresGrantSpec();
        pg.setGrants(List.of(postgresTable(database, "t", privileges)));
        spec.setPostgres(pg);
      } else {
        MySqlGrantSpec my = new MySqlGrantSpec();
        my.setGrants(List.of(mysqlTable(database, "t", privileges)));
        spec.setMysql(my);
      }
    };
  }

  static DriftPolicy policy(DriftMode mode) {
    DriftPolicy policy = new DriftPolicy();
    policy.setMode(mode);
    policy.setInterval("2s");
    return policy;
  }

  static Consumer<DatabaseGrantSpec> drift(DriftMode mode) {
    return spec -> spec.setDriftPolicy(policy(mode));
  }

  /** A Ready DatabaseRole {@code r} on the Ready instance {@code db}; returns its server name. */
  private String readyRole(OperatorOnMock operator) {
    operator.readyInstance("db", scratch().server());
    String name = scratch().principalName("grantee");
    operator.create(DatabaseRoleEventsIT.role("r", name, "db"));
    operator.awaitReady(DatabaseRole.class, "r");
    return name;
  }

  private static DatabaseGrantStatus status(OperatorOnMock operator, String name) {
    DatabaseGrant grant = operator.get(DatabaseGrant.class, name);
    return grant == null ? null : grant.getStatus();
  }

  // ------------------------------------------------------------------ Applied

  @Test
  void appliedToAUserOnceUserAndDatabaseAreReady(MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String login = scratch().principalName("app");
    String database = scratch().databaseName("appdb");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantapplied")) {
      operator.readyInstance("db", scratch().server());
      DatabaseGrant grant = new DatabaseGrant();
      grant.setMetadata(new ObjectMetaBuilder().withName("app").build());
      DatabaseGrantSpec spec = new DatabaseGrantSpec();
      spec.setUserRef(new ResourceRef("app"));
      spec.setDatabaseRef(new ResourceRef("appdb"));
      PostgresGrant onDatabase = new PostgresGrant();
      onDatabase.setDatabase(database);
      onDatabase.setPrivileges(List.of("CONNECT", "CREATE"));
      PostgresGrantSpec pg = new PostgresGrantSpec();
      pg.setGrants(List.of(onDatabase));
      spec.setPostgres(pg);
      grant.setSpec(spec);
      operator.create(grant);
      awaitPending(operator, "app", "GranteeNotFound");

      server.sql(
          scratch().server().adminDatabase(), "CREATE ROLE " + scratch().quote(login) + " LOGIN");
      readyUser(operator, "app", login);
      awaitPending(operator, "app", "DatabaseNotFound");

      operator.create(database("appdb", database));
      operator.awaitReady(DatabaseGrant.class, "app");
      assertRow(
          operator.awaitEvent(KIND, "app", "Applied"),
          CatalogEvent.GRANT_APPLIED,
          "Grants applied to user",
          login,
          "granted 0 role membership(s), 2 privilege(s)",
          "now holds 0 role(s) and 2 privilege(s)");
      assertThat(server.onDatabase(database, login, false)).containsExactly("CONNECT", "CREATE");
      DatabaseGrantStatus status = status(operator, "app");
      assertThat(status.getPhase()).isEqualTo(DatabaseGrantStatus.Phase.Ready);
      assertThat(status.getAppliedGrants().getDirectGrants()).isEqualTo(2);
      assertAllInCatalog(operator.events());
    }
  }

  private static void awaitPending(OperatorOnMock operator, String name, String reason) {
    await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(
            () -> {
              DatabaseGrantStatus status = status(operator, name);
              return status != null
                  && status.getPhase() == DatabaseGrantStatus.Phase.Pending
                  && status.getConditions().stream().anyMatch(c -> reason.equals(c.getReason()));
            });
  }

  /**
   * A DatabaseUser for a login the test created, marked Ready the way its reconciler would: the
   * grant only reads the user's name, instance and readiness.
   */
  private static void readyUser(OperatorOnMock operator, String name, String login) {
    DatabaseUser user = new DatabaseUser();
    user.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseUserSpec spec = new DatabaseUserSpec();
    spec.setInstanceRef(new ResourceRef("db"));
    spec.setUsername(login);
    user.setSpec(spec);
    DatabaseUser created = operator.create(user);
    DatabaseUserStatus status = new DatabaseUserStatus();
    status.setPhase(DatabaseUserStatus.Phase.Ready);
    ReadyCondition.set(
        status,
        true,
        "Ready",
        "User is ready",
        created.getMetadata().getGeneration(),
        Instant.now());
    created.setStatus(status);
    operator.client.resource(created).updateStatus();
  }

  private static Database database(String name, String serverName) {
    Database db = new Database();
    db.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseSpec spec = new DatabaseSpec();
    spec.setInstanceRef(new ResourceRef("db"));
    spec.setName(serverName);
    db.setSpec(spec);
    return db;
  }

  // ------------------------------------------------------------------ the diff

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void aNarrowedSpecRevokesExactlyWhatItNoLongerLists(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(kind);
    String database = server.databaseWithTable("diff");
    String other = server.databaseWithTable("other");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantdiff")) {
      String role = readyRole(operator);
      // A privilege in a database the grant does not name is not the grant's to revoke.
      String foreignTable =
          server.postgres() ? "public.t" : scratch().quote(other) + "." + scratch().quote("t");
      server.sql(other, "GRANT SELECT ON " + foreignTable + " TO " + scratch().quote(role));
      operator.create(
          grant("g", "r", onTable(server, database, List.of("SELECT", "INSERT", "UPDATE"))));
      operator.awaitReady(DatabaseGrant.class, "g");
      assertThat(server.onTable(database, "t", role, true))
          .containsExactly("INSERT", "SELECT", "UPDATE");
      assertThat(status(operator, "g").getAppliedGrants().getDirectGrants())
          .isEqualTo(server.postgres() ? 4 : 3);

      DatabaseGrant grant = operator.get(DatabaseGrant.class, "g");
      onTable(server, database, List.of("SELECT")).accept(grant.getSpec());
      operator.client.resource(grant).update();

      assertRow(
          operator.awaitEvent(KIND, "g", "Revoked"),
          CatalogEvent.GRANT_REVOKED,
          "Grants revoked from role",
          role);
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> server.onTable(database, "t", role, true).equals(Set.of("SELECT")));
      assertThat(server.onTable(other, "t", role, true)).containsExactly("SELECT");
      // In force: SELECT on the table, and on PostgreSQL USAGE on its schema.
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  status(operator, "g").getAppliedGrants().getDirectGrants()
                      == (server.postgres() ? 2 : 1));
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------------ Revoked on deletion

  @Test
  void revokedOnDeletion(MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(TestServer.MARIADB);
    String database = server.databaseWithTable("revoke");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantrevoke")) {
      String role = readyRole(operator);
      operator.create(grant("g", "r", onTable(server, database, List.of("SELECT", "INSERT"))));
      operator.awaitReady(DatabaseGrant.class, "g");
      assertThat(server.onTable(database, "t", role, true)).containsExactly("INSERT", "SELECT");

      operator.client.resource(operator.get(DatabaseGrant.class, "g")).delete();
      assertRow(
          operator.awaitEvent(KIND, "g", "Revoked"),
          CatalogEvent.GRANT_REVOKED,
          "Grants revoked from role",
          role);
      operator.awaitGone(DatabaseGrant.class, "g");
      assertThat(server.onTable(database, "t", role, true)).isEmpty();
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------------ ApplyFailed

  @Test
  void applyFailedOnceForATableThatDoesNotExist(MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(TestServer.MARIADB);
    String database = server.databaseWithTable("missing");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantapplyfail")) {
      readyRole(operator);
      DatabaseGrant grant = grant("g", "r", spec -> {});
      MySqlGrantSpec my = new MySqlGrantSpec();
      my.setGrants(List.of(mysqlTable(database, "nosuch", List.of("SELECT"))));
      grant.getSpec().setMysql(my);
      operator.create(grant);

      Event failed = operator.awaitEvent(KIND, "g", "ApplyFailed");
      assertRow(failed, CatalogEvent.GRANT_APPLY_FAILED, "Failed to", "nosuch");
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> status(operator, "g").getPhase() == DatabaseGrantStatus.Phase.Failed);
      // Permanent: no retry, so no second attempt and no second Warning.
      await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
      List<Event> warnings =
          operator.events().stream()
              .filter(e -> OperatorOnMock.matches(e, KIND, "g", "ApplyFailed"))
              .toList();
      assertThat(warnings).singleElement().satisfies(e -> assertThat(e.getCount()).isOne());
      assertAllInCatalog(operator.events());
    }
  }

  /**
   * A grant that names a table a migration has not created yet fails transiently and is retried;
   * the retry still applies the spec rather than reporting it as drift.
   */
  @Test
  void aTableCreatedAfterTheGrantIsGrantedOnRetry(MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String database = scratch().createDatabase("later");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantlater")) {
      String role = readyRole(operator);
      operator.create(grant("g", "r", onTable(server, database, List.of("SELECT"))));
      assertRow(
          operator.awaitEvent(KIND, "g", "ApplyFailed"),
          CatalogEvent.GRANT_APPLY_FAILED,
          "does not exist",
          "granted once it does");

      server.sql(database, "CREATE TABLE t (id INT)");
      operator.awaitReady(DatabaseGrant.class, "g");
      assertThat(server.onTable(database, "t", role, true)).containsExactly("SELECT");
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "g", "DriftDetected")))
          .isEmpty();
      assertAllInCatalog(operator.events());
    }
  }

  /**
   * An instance whose account owns {@code database} and its table {@code t} but is no superuser,
   * and a Ready DatabaseRole {@code r} on it; returns the role's name.
   */
  private String readyRoleUnderALimitedAccount(
      OperatorOnMock operator, ServerPrivileges server, String database) throws SQLException {
    String limited = scratch().principalName("limited");
    String admin = scratch().server().adminDatabase();
    server.sql(admin, "CREATE ROLE " + scratch().quote(limited) + " LOGIN CREATEROLE");
    server.sql(
        admin,
        "CREATE DATABASE " + scratch().quote(database) + " OWNER " + scratch().quote(limited));
    server.sql(
        database, "CREATE TABLE t (id INT)", "ALTER TABLE t OWNER TO " + scratch().quote(limited));
    // Trust authentication here: the password is not checked.
    operator.adminSecret("limited-admin", limited, "unused");
    operator.instance("db", scratch().server(), scratch().server().port(), "limited-admin");
    operator.awaitReady(DatabaseInstance.class, "db");
    String role = scratch().principalName("grantee");
    operator.create(DatabaseRoleEventsIT.role("r", role, "db"));
    operator.awaitReady(DatabaseRole.class, "r");
    return role;
  }

  @Test
  void applyFailedOnceWhenTheInstanceAccountMayNotGrant(MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String database = scratch().databaseName("denied");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantdenied")) {
      String role = readyRoleUnderALimitedAccount(operator, server, database);
      // A table the instance account has no rights on.
      server.sql(database, "CREATE TABLE secrets (id INT)");
      DatabaseGrant grant = grant("g", "r", spec -> {});
      PostgresGrantSpec pg = new PostgresGrantSpec();
      pg.setGrants(List.of(postgresTable(database, "secrets", List.of("SELECT"))));
      grant.getSpec().setPostgres(pg);
      operator.create(grant);

      assertRow(
          operator.awaitEvent(KIND, "g", "ApplyFailed"),
          CatalogEvent.GRANT_APPLY_FAILED,
          "Failed to",
          "permission denied");
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> status(operator, "g").getPhase() == DatabaseGrantStatus.Phase.Failed);
      await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
      assertThat(
              operator.events().stream()
                  .filter(e -> OperatorOnMock.matches(e, KIND, "g", "ApplyFailed"))
                  .toList())
          .singleElement()
          .satisfies(e -> assertThat(e.getCount()).isOne());
      assertThat(server.onTable(database, "secrets", role, true)).isEmpty();
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------------ RevokeFailed

  @Test
  void revokeFailedWhenTheInstanceAccountLostTheTable(MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String database = scratch().databaseName("lost");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantrevokefail")) {
      String role = readyRoleUnderALimitedAccount(operator, server, database);
      operator.create(grant("g", "r", onTable(server, database, List.of("SELECT"))));
      operator.awaitReady(DatabaseGrant.class, "g");

      // The table changes hands behind the operator's back: its account may no longer revoke.
      server.sql(
          database, "ALTER TABLE t OWNER TO " + scratch().quote(scratch().server().adminUser()));
      operator.client.resource(operator.get(DatabaseGrant.class, "g")).delete();

      assertRow(
          operator.awaitEvent(KIND, "g", "RevokeFailed"),
          CatalogEvent.GRANT_REVOKE_FAILED,
          "Failed to",
          "permission denied");
      assertThat(operator.get(DatabaseGrant.class, "g")).isNotNull();
      assertThat(server.onTable(database, "t", role, true)).containsExactly("SELECT");
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------------ DeletionBlocked

  @Test
  void deletionBlockedByDeletionProtection(MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String database = server.databaseWithTable("kept");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantprotect")) {
      String role = readyRole(operator);
      DatabaseGrant grant = grant("g", "r", onTable(server, database, List.of("SELECT")));
      grant.getSpec().setDeletionProtection(true);
      operator.create(grant);
      operator.awaitReady(DatabaseGrant.class, "g");

      operator.client.resource(operator.get(DatabaseGrant.class, "g")).delete();
      assertRow(
          operator.awaitEvent(KIND, "g", "DeletionBlocked"),
          CatalogEvent.GRANT_DELETION_BLOCKED,
          "deletion protection");
      assertThat(operator.get(DatabaseGrant.class, "g")).isNotNull();
      assertThat(server.onTable(database, "t", role, true)).containsExactly("SELECT");
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------------ drift

  @Test
  void driftDetectedWhenAPrivilegeIsRevokedBehindTheOperatorsBack(MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(TestServer.MARIADB);
    String database = server.databaseWithTable("detect");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantdetect")) {
      String role = readyRole(operator);
      operator.create(
          grant(
              "g",
              "r",
              onTable(server, database, List.of("SELECT", "INSERT"))
                  .andThen(drift(DriftMode.detect))));
      operator.awaitReady(DatabaseGrant.class, "g");

      server.revokeOnTable(database, "INSERT", role, true);
      assertRow(
          operator.awaitEvent(KIND, "g", "DriftDetected"),
          CatalogEvent.GRANT_DRIFT_DETECTED,
          "drift detected",
          "grants.table." + database + ".t.missing");
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> Boolean.TRUE.equals(status(operator, "g").getDrift().getDetected()));
      // Detect mode only reports.
      assertThat(server.onTable(database, "t", role, true)).containsExactly("SELECT");
      assertAllInCatalog(operator.events());
      Scrape scrape = Scrape.of(Http.get(operator.process.metricsPort(), "/metrics").body());
      assertThat(
              scrape.get(
                  "dbprovision_drift_detected",
                  "kind",
                  KIND,
                  "namespace",
                  operator.namespace,
                  "name",
                  "g"))
          .isEqualTo(1.0);
    }
  }

  @Test
  void driftCorrectedInTheCorrectModeInheritedFromTheInstance(MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String database = server.databaseWithTable("correct");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantcorrect")) {
      String role = readyRole(operator);
      // The grant has no policy of its own: it inherits its instance's.
      DatabaseInstance instance = operator.get(DatabaseInstance.class, "db");
      instance.getSpec().setDriftPolicy(policy(DriftMode.correct));
      operator.client.resource(instance).update();
      operator.create(grant("g", "r", onTable(server, database, List.of("SELECT", "INSERT"))));
      operator.awaitReady(DatabaseGrant.class, "g");

      server.revokeOnTable(database, "INSERT", role, true);
      assertRow(
          operator.awaitEvent(KIND, "g", "DriftCorrected"),
          CatalogEvent.GRANT_DRIFT_CORRECTED,
          "Drift corrected",
          "grants.table." + database + ".public.t.missing");
      assertThat(server.onTable(database, "t", role, true)).containsExactly("INSERT", "SELECT");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftCorrectionFailedWhenAMembershipCannotBeRestored(MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String parent = scratch().principalName("parent");
    server.sql(scratch().server().adminDatabase(), "CREATE ROLE " + scratch().quote(parent));
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantcorrectfail")) {
      readyRole(operator);
      operator.create(
          grant(
              "g",
              "r",
              drift(DriftMode.correct)
                  .andThen(
                      spec -> {
                        PostgresGrantSpec pg = new PostgresGrantSpec();
                        pg.setRoles(List.of(parent));
                        spec.setPostgres(pg);
                      })));
      operator.awaitReady(DatabaseGrant.class, "g");

      server.sql(scratch().server().adminDatabase(), "DROP ROLE " + scratch().quote(parent));
      assertRow(
          operator.awaitEvent(KIND, "g", "DriftCorrectionFailed"),
          CatalogEvent.GRANT_DRIFT_CORRECTION_FAILED,
          "Failed to",
          parent);
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------------ ReconcileFailed

  @Test
  void reconcileFailedWhenTheGrantedTableIsDropped(MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(TestServer.POSTGRES);
    String database = server.databaseWithTable("dropped");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "grantreconcilefail")) {
      readyRole(operator);
      operator.create(
          grant(
              "g",
              "r",
              onTable(server, database, List.of("SELECT")).andThen(drift(DriftMode.detect))));
      operator.awaitReady(DatabaseGrant.class, "g");

      server.sql(database, "DROP TABLE t");
      assertRow(
          operator.awaitEvent(KIND, "g", "ReconcileFailed"),
          CatalogEvent.GRANT_RECONCILE_FAILED,
          "Failed to",
          "does not exist");
      assertAllInCatalog(operator.events());
    }
  }
}
