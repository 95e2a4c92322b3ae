package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One scenario per Database catalog row, against the real PostgreSQL. */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseEventsIT {
  private static final String KIND = "Database";

  private final DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
  private Scratch scratch;

  @BeforeEach
  void scratch() {
    scratch = Scratch.on(server);
  }

  @AfterEach
  void dropScratch() throws SQLException {
    scratch.close();
  }

  private void sql(String statement) throws SQLException {
    try (Connection admin = server.openAdmin();
        Statement s = admin.createStatement()) {
      s.execute(statement);
    }
  }

  private int connectionLimit(String database) throws SQLException {
    try (Connection admin = server.openAdmin();
        Statement s = admin.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT datconnlimit FROM pg_database WHERE datname = '" + database + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Database withDrift(Database db, DriftMode mode) {
    DriftPolicy policy = new DriftPolicy();
    policy.setMode(mode);
    policy.setInterval("2s");
    db.getSpec().setDriftPolicy(policy);
    db.getSpec().getPostgres().setConnectionLimit(5);
    return db;
  }

  @Test
  void createdThenDeleted(MockKubernetes kubernetes) {
    String name = scratch.databaseName("created");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "created")) {
      operator.readyInstance("pg", server);
      operator.create(DatabaseReconcilerIT.database("orders", name, "pg"));
      assertRow(
          operator.awaitEvent(KIND, "orders", "Created"),
          CatalogEvent.DATABASE_CREATED,
          name,
          "pg");
      operator.client.resource(operator.get(Database.class, "orders")).delete();
      assertRow(
          operator.awaitEvent(KIND, "orders", "Deleted"), CatalogEvent.DATABASE_DELETED, name);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void createFailedWhenTheOwnerDoesNotExist(MockKubernetes kubernetes) {
    String name = scratch.databaseName("noowner");
    String owner = scratch.principalName("ghost");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "createfail")) {
      operator.readyInstance("pg", server);
      Database db = DatabaseReconcilerIT.database("orders", name, "pg");
      db.getSpec().setOwner(owner);
      operator.create(db);
      assertRow(
          operator.awaitEvent(KIND, "orders", "CreateFailed"),
          CatalogEvent.DATABASE_CREATE_FAILED,
          "Failed to",
          name);
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "orders", "ReconcileFailed")))
          .isEmpty();
      assertAllInCatalog(operator.events());

      // The failure is counted, and the scrape over HTTP shows it.
      Scrape scrape = Scrape.of(Http.get(operator.process.metricsPort(), "/metrics").body());
      assertThat(scrape.get("dbprovision_reconcile_errors_total", "kind", "Database"))
          .isGreaterThanOrEqualTo(1.0);
    }
  }

  @Test
  void deleteFailedWhenTheServerRefusesTheDrop(MockKubernetes kubernetes) throws SQLException {
    String name = scratch.databaseName("template");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "deletefail")) {
      operator.readyInstance("pg", server);
      Database db = DatabaseReconcilerIT.database("orders", name, "pg");
      db.getSpec().getPostgres().setIsTemplate(true); // PostgreSQL refuses to drop templates
      operator.create(db);
      operator.awaitReady(Database.class, "orders");
      operator.client.resource(operator.get(Database.class, "orders")).delete();
      assertRow(
          operator.awaitEvent(KIND, "orders", "DeleteFailed"),
          CatalogEvent.DATABASE_DELETE_FAILED,
          "Failed to",
          name);
      assertThat(operator.get(Database.class, "orders")).isNotNull();
      assertAllInCatalog(operator.events());
    } finally {
      sql("ALTER DATABASE " + scratch.quote(name) + " IS_TEMPLATE false");
    }
  }

  @Test
  void deletionBlockedByProtection(MockKubernetes kubernetes) throws SQLException {
    String name = scratch.databaseName("protected");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "dbprotected")) {
      operator.readyInstance("pg", server);
      Database db = DatabaseReconcilerIT.database("orders", name, "pg");
      db.getSpec().setDeletionProtection(true);
      operator.create(db);
      operator.awaitReady(Database.class, "orders");
      operator.client.resource(operator.get(Database.class, "orders")).delete();
      assertRow(
          operator.awaitEvent(KIND, "orders", "DeletionBlocked"),
          CatalogEvent.DATABASE_DELETION_BLOCKED,
          "deletion protection");
      assertThat(DatabaseReconcilerIT.exists(server, name)).isTrue();
      assertAllInCatalog(operator.events());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void driftDetectedWhenChangedBehindTheOperatorsBack(MockKubernetes kubernetes)
      throws SQLException {
    String name = scratch.databaseName("detect");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "detect")) {
      operator.readyInstance("pg", server);
      operator.create(
          withDrift(DatabaseReconcilerIT.database("orders", name, "pg"), DriftMode.detect));
      operator.awaitReady(Database.class, "orders");
      sql("ALTER DATABASE " + scratch.quote(name) + " CONNECTION LIMIT 9");
      assertRow(
          operator.awaitEvent(KIND, "orders", "DriftDetected"),
          CatalogEvent.DATABASE_DRIFT_DETECTED,
          "drift detected",
          "connectionLimit");
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () -> {
                var drift = operator.get(Database.class, "orders").getStatus().getDrift();
                return drift != null && Boolean.TRUE.equals(drift.getDetected());
              });
      assertThat(connectionLimit(name)).isEqualTo(9);
      Scrape scrape = Scrape.of(Http.get(operator.process.metricsPort(), "/metrics").body());
      assertThat(
              scrape.get(
                  "dbprovision_drift_detected",
                  "kind",
                  "Database",
                  "namespace",
                  operator.namespace,
                  "name",
                  "orders"))
          .isEqualTo(1.0);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftCorrectedInCorrectMode(MockKubernetes kubernetes) throws SQLException {
    String name = scratch.databaseName("correct");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "correct")) {
      operator.readyInstance("pg", server);
      operator.create(
          withDrift(DatabaseReconcilerIT.database("orders", name, "pg"), DriftMode.correct));
      operator.awaitReady(Database.class, "orders");
      sql("ALTER DATABASE " + scratch.quote(name) + " CONNECTION LIMIT 9");
      assertRow(
          operator.awaitEvent(KIND, "orders", "DriftCorrected"),
          CatalogEvent.DATABASE_DRIFT_CORRECTED,
          "connectionLimit");
      assertThat(connectionLimit(name)).isEqualTo(5);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftCorrectionFailedWhenTheOwnerWasDroppedBehindItsBack(MockKubernetes kubernetes)
      throws SQLException {
    String name = scratch.databaseName("ownerdrift");
    String owner = scratch.principalName("owner");
    sql("CREATE ROLE " + scratch.quote(owner));
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "correctfail")) {
      operator.readyInstance("pg", server);
      Database db =
          withDrift(DatabaseReconcilerIT.database("orders", name, "pg"), DriftMode.correct);
      db.getSpec().setOwner(owner);
      // A change of owner is destructive: correcting it needs the user's consent.
      db.getMetadata().setAnnotations(Map.of(Annotations.ALLOW_DESTRUCTIVE_DRIFT, "true"));
      operator.create(db);
      operator.awaitReady(Database.class, "orders");
      sql("ALTER DATABASE " + scratch.quote(name) + " OWNER TO " + server.adminUser());
      sql("DROP ROLE " + scratch.quote(owner));
      assertRow(
          operator.awaitEvent(KIND, "orders", "DriftCorrectionFailed"),
          CatalogEvent.DATABASE_DRIFT_CORRECTION_FAILED,
          "Failed to");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void reconcileFailedWhenAnUpdateCannotBeApplied(MockKubernetes kubernetes) {
    String name = scratch.databaseName("update");
    String owner = scratch.principalName("missing");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "updatefail")) {
      operator.readyInstance("pg", server);
      operator.create(DatabaseReconcilerIT.database("orders", name, "pg"));
      operator.awaitReady(Database.class, "orders");
      Database db = operator.get(Database.class, "orders");
      db.getSpec().setOwner(owner);
      operator.client.resource(db).update();
      assertRow(
          operator.awaitEvent(KIND, "orders", "ReconcileFailed"),
          CatalogEvent.DATABASE_RECONCILE_FAILED,
          "Failed to");
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "orders", "CreateFailed")))
          .isEmpty();
      assertAllInCatalog(operator.events());
    }
  }
}
