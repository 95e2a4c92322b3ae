package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One scenario per DatabaseInstance catalog row, against the real servers. */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseInstanceEventsIT {
  private static final String KIND = "DatabaseInstance";

  @Test
  void connectedAndHealthCheckPassedWhenTheServerAnswers(MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "connected")) {
      operator.readyInstance("pg", server);
      assertRow(
          operator.awaitEvent(KIND, "pg", "Connected"),
          CatalogEvent.INSTANCE_CONNECTED,
          "Connected to postgres",
          server.host() + ":" + server.port());
      assertRow(
          operator.awaitEvent(KIND, "pg", "HealthCheckPassed"),
          CatalogEvent.INSTANCE_HEALTH_CHECK_PASSED,
          "Health check passed");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void connectionFailedWhenNothingListensOnThePort(MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "unreachable")) {
      operator.adminSecret("admin", server, server.adminPassword());
      operator.instance("pg", server, 1, "admin");
      Event event = operator.awaitEvent(KIND, "pg", "ConnectionFailed");
      assertRow(event, CatalogEvent.INSTANCE_CONNECTION_FAILED, "Failed to");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void connectionFailedWhenMariaDbRefusesThePassword(MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(TestServer.MARIADB);
    String wrong = "not-the-password-" + System.nanoTime();
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "wrongpass")) {
      operator.adminSecret("admin", server, wrong);
      operator.instance("maria", server, server.port(), "admin");
      Event event = operator.awaitEvent(KIND, "maria", "ConnectionFailed");
      assertRow(event, CatalogEvent.INSTANCE_CONNECTION_FAILED, "Failed to");
      assertThat(event.getMessage()).doesNotContain(wrong);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void healthCheckFailedWhenAReadyInstanceLosesItsCredentials(MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(TestServer.MARIADB);
    String wrong = "rotated-elsewhere-" + System.nanoTime();
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "healthfail")) {
      operator.readyInstance("maria", server);
      // The Secret changes under a Ready instance: the next check uses a new pool and fails.
      operator.adminSecret("maria-admin", server, wrong);
      Event event = operator.awaitEvent(KIND, "maria", "HealthCheckFailed");
      assertRow(event, CatalogEvent.INSTANCE_HEALTH_CHECK_FAILED, "Failed to");
      assertThat(event.getMessage()).doesNotContain(wrong);
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "maria", "ConnectionFailed")))
          .isEmpty();
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void reconcileFailedWhenTheCredentialsSecretIsMissing(MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "nosecret")) {
      operator.instance("pg", server, server.port(), "absent");
      assertRow(
          operator.awaitEvent(KIND, "pg", "ReconcileFailed"),
          CatalogEvent.INSTANCE_RECONCILE_FAILED,
          "absent",
          "does not exist");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void deletionBlockedByProtectionUntilForced(MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "protected")) {
      DatabaseInstance instance = operator.readyInstance("pg", server);
      instance.getSpec().setDeletionProtection(true);
      operator.client.resource(instance).update();
      operator.client.resource(instance).delete();
      assertRow(
          operator.awaitEvent(KIND, "pg", "DeletionBlocked"),
          CatalogEvent.INSTANCE_DELETION_BLOCKED,
          "deletion protection",
          "force-delete");
      assertThat(operator.get(DatabaseInstance.class, "pg")).isNotNull();

      operator
          .client
          .resources(DatabaseInstance.class)
          .inNamespace(operator.namespace)
          .withName("pg")
          .edit(
              i -> {
                i.getMetadata().setAnnotations(Map.of(Annotations.FORCE_DELETE, "true"));
                return i;
              });
      operator.awaitGone(DatabaseInstance.class, "pg");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void deletionBlockedWhileDatabasesReferToIt(MockKubernetes kubernetes) throws Exception {
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    try (Scratch scratch = Scratch.on(server);
        OperatorOnMock operator = new OperatorOnMock(kubernetes, "children")) {
      operator.readyInstance("pg", server);
      var child = DatabaseReconcilerIT.database("orders", scratch.databaseName("orders"), "pg");
      child.getSpec().setDeletionProtection(true);
      operator.create(child);
      operator.client.resource(operator.get(DatabaseInstance.class, "pg")).delete();
      assertRow(
          operator.awaitEvent(KIND, "pg", "DeletionBlocked"),
          CatalogEvent.INSTANCE_DELETION_BLOCKED,
          "Database/orders");
      assertAllInCatalog(operator.events());
    }
  }
}
