package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Database on the real servers: waits for its instance, is created, reports size, dropped. */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseReconcilerIT {

  static Database database(String name, String serverName, String instance) {
    Database db = new Database();
    db.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseSpec spec = new DatabaseSpec();
    spec.setInstanceRef(new ResourceRef(instance));
    spec.setName(serverName);
    spec.setDeletionProtection(false);
    db.setSpec(spec);
    return db;
  }

  static boolean exists(DatabaseServer server, String name) throws Exception {
    String sql =
        server.kind() == TestServer.POSTGRES
            ? "SELECT 1 FROM pg_database WHERE datname = ?"
            : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
    try (Connection c = server.openAdmin();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, name);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void waitsPendingForItsInstanceThenCreatesReportsSizeAndDropsOnDelete(
      TestServer kind, MockKubernetes kubernetes) throws Exception {
    DatabaseServer server = RealDatabases.server(kind);
    try (Scratch scratch = Scratch.on(server);
        OperatorOnMock operator = new OperatorOnMock(kubernetes, "database")) {
      String name = scratch.databaseName("orders");
      operator.create(database("orders", name, "main"));
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .untilAsserted(
              () -> {
                Database pending = operator.get(Database.class, "orders");
                assertThat(pending.getStatus()).isNotNull();
                assertThat(pending.getStatus().getPhase()).isEqualTo(DatabaseStatus.Phase.Pending);
                assertThat(pending.getStatus().getConditions())
                    .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("InstanceNotFound"));
              });
      assertThat(exists(server, name)).isFalse();

      operator.readyInstance("main", server);
      operator.awaitReady(Database.class, "orders");
      Database ready = operator.get(Database.class, "orders");
      assertThat(ready.getStatus().getPhase()).isEqualTo(DatabaseStatus.Phase.Ready);
      assertThat(ready.getStatus().getDatabase().getName()).isEqualTo(name);
      assertThat(ready.getStatus().getDatabase().getSizeBytes()).isNotNull();
      assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
      assertThat(exists(server, name)).isTrue();

      operator.client.resource(ready).delete();
      operator.awaitGone(Database.class, "orders");
      assertThat(exists(server, name)).isFalse();
    }
  }

  /**
   * The instance becoming Ready wakes the Database waiting for it: it does not wait for its next
   * recheck. (A wake-up check with a wide margin, not a speed target: the pass takes milliseconds.)
   */
  @ParameterizedTest
  @EnumSource(TestServer.class)
  void goesAheadAsSoonAsItsInstanceIsReady(TestServer kind, MockKubernetes kubernetes)
      throws Exception {
    DatabaseServer server = RealDatabases.server(kind);
    try (Scratch scratch = Scratch.on(server);
        OperatorOnMock operator = new OperatorOnMock(kubernetes, "database-wakes")) {
      operator.create(database("orders", scratch.databaseName("orders"), "main"));
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> operator.get(Database.class, "orders").getStatus() != null);

      operator.readyInstance("main", server);

      await()
          .atMost(ParentInstance.RECHECK.dividedBy(2))
          .until(
              () ->
                  operator.get(Database.class, "orders").getStatus().getPhase()
                      == DatabaseStatus.Phase.Ready);
    }
  }

  /**
   * An instance in a namespace the operator does not watch is in no informer cache: it is read from
   * the API server. (Its status is written here, as the operator watching that namespace would.)
   */
  @ParameterizedTest
  @EnumSource(TestServer.class)
  void usesAnInstanceInANamespaceItDoesNotWatch(TestServer kind, MockKubernetes kubernetes)
      throws Exception {
    DatabaseServer server = RealDatabases.server(kind);
    try (Scratch scratch = Scratch.on(server);
        OperatorOnMock operator = new OperatorOnMock(kubernetes, "database-elsewhere");
        OperatorOnMock elsewhere =
            new OperatorOnMock(
                kubernetes,
                "instances-elsewhere",
                Map.of(),
                Clock.systemUTC(),
                services -> List.of())) {
      elsewhere.adminSecret("main-admin", server, server.adminPassword());
      DatabaseInstance instance = elsewhere.instance("main", server, server.port(), "main-admin");
      DatabaseInstanceStatus ready = new DatabaseInstanceStatus();
      ready.setPhase(DatabaseInstanceStatus.Phase.Ready);
      instance.setStatus(ready);
      elsewhere.client.resource(instance).updateStatus();

      String name = scratch.databaseName("orders");
      Database db = database("orders", name, "main");
      db.getSpec().getInstanceRef().setNamespace(elsewhere.namespace);
      operator.create(db);

      operator.awaitReady(Database.class, "orders");
      assertThat(exists(server, name)).isTrue();
    }
  }
}
