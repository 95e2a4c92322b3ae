package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseRoleSpec;
import io.dbprovision.api.v1alpha1.DatabaseRoleStatus;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DatabaseRole on the real PostgreSQL: Ready, updated, deleted, and one scenario per catalog row.
 */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseRoleEventsIT {
  private static final String KIND = "DatabaseRole";

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

  private boolean roleExists(String name) throws SQLException {
    try (Connection admin = server.openAdmin();
        PreparedStatement s = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, name);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  static DatabaseRole role(String name, String roleName, String instance) {
    DatabaseRole role = new DatabaseRole();
    role.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseRoleSpec spec = new DatabaseRoleSpec();
    spec.setInstanceRef(new ResourceRef(instance));
    spec.setRoleName(roleName);
    role.setSpec(spec);
    return role;
  }

  private static DatabaseRole withDrift(DatabaseRole role, DriftMode mode) {
    DriftPolicy policy = new DriftPolicy();
    policy.setMode(mode);
    policy.setInterval("2s");
    role.getSpec().setDriftPolicy(policy);
    role.getMetadata().setAnnotations(Map.of(Annotations.ALLOW_DESTRUCTIVE_DRIFT, "true"));
    return role;
  }

  @Test
  void becomesReadyFollowsSpecChangesAndIsDroppedOnDelete(MockKubernetes kubernetes)
      throws SQLException {
    String name = scratch.principalName("readers");
    String parent = scratch.principalName("parent");
    sql("CREATE ROLE " + scratch.quote(parent));
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "role")) {
      operator.readyInstance("pg", server);
      operator.create(role("readers", name, "pg"));
      operator.awaitReady(DatabaseRole.class, "readers");
      assertRow(
          operator.awaitEvent(KIND, "readers", "Created"), CatalogEvent.ROLE_CREATED, name, "pg");
      assertThat(roleExists(name)).isTrue();
      DatabaseRole ready = operator.get(DatabaseRole.class, "readers");
      assertThat(ready.getStatus().getPhase()).isEqualTo(DatabaseRoleStatus.Phase.Ready);

      ready.getSpec().getPostgres().setInRoles(List.of(parent));
      operator.client.resource(ready).update();
      org.awaitility.Awaitility.await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  Long.valueOf(2)
                      .equals(
                          operator
                              .get(DatabaseRole.class, "readers")
                              .getStatus()
                              .getObservedGeneration()));

      operator.client.resource(operator.get(DatabaseRole.class, "readers")).delete();
      assertRow(operator.awaitEvent(KIND, "readers", "Deleted"), CatalogEvent.ROLE_DELETED, name);
      operator.awaitGone(DatabaseRole.class, "readers");
      assertThat(roleExists(name)).isFalse();
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void createFailedForANameTheEngineRefuses(MockKubernetes kubernetes) {
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "rolebad")) {
      operator.readyInstance("pg", server);
      operator.create(role("bad", "evil\"; DROP ROLE postgres; --", "pg"));
      assertRow(
          operator.awaitEvent(KIND, "bad", "CreateFailed"),
          CatalogEvent.ROLE_CREATE_FAILED,
          "Failed to");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void deleteFailedWhenTheInstanceAccountMayNotDropTheRole(MockKubernetes kubernetes)
      throws SQLException {
    String name = scratch.principalName("promoted");
    String limited = scratch.principalName("limited");
    // An administrator that may manage ordinary roles but not superusers (trust authentication
    // here, so the password is not checked).
    sql("CREATE ROLE " + scratch.quote(limited) + " LOGIN CREATEROLE");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "roledelete")) {
      operator.adminSecret("limited-admin", limited, "unused");
      operator.instance("pg", server, server.port(), "limited-admin");
      operator.awaitReady(io.dbprovision.api.v1alpha1.DatabaseInstance.class, "pg");
      operator.create(role("promoted", name, "pg"));
      operator.awaitReady(DatabaseRole.class, "promoted");
      sql("ALTER ROLE " + scratch.quote(name) + " SUPERUSER");
      operator.client.resource(operator.get(DatabaseRole.class, "promoted")).delete();
      assertRow(
          operator.awaitEvent(KIND, "promoted", "DeleteFailed"),
          CatalogEvent.ROLE_DELETE_FAILED,
          "Failed to",
          name);
      assertThat(roleExists(name)).isTrue();
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void deletionBlockedByTheProtectionAnnotation(MockKubernetes kubernetes) throws SQLException {
    String name = scratch.principalName("kept");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "roleprotect")) {
      operator.readyInstance("pg", server);
      DatabaseRole role = role("kept", name, "pg");
      role.getMetadata().setAnnotations(Map.of(Annotations.DELETION_PROTECTION, "true"));
      operator.create(role);
      operator.awaitReady(DatabaseRole.class, "kept");
      operator.client.resource(operator.get(DatabaseRole.class, "kept")).delete();
      assertRow(
          operator.awaitEvent(KIND, "kept", "DeletionBlocked"),
          CatalogEvent.ROLE_DELETION_BLOCKED,
          "deletion protection");
      assertThat(roleExists(name)).isTrue();
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftDetectedWhenAlteredBehindTheOperatorsBack(MockKubernetes kubernetes)
      throws SQLException {
    String name = scratch.principalName("detect");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "roledetect")) {
      operator.readyInstance("pg", server);
      operator.create(withDrift(role("r", name, "pg"), DriftMode.detect));
      operator.awaitReady(DatabaseRole.class, "r");
      sql("ALTER ROLE " + scratch.quote(name) + " CREATEDB");
      assertRow(
          operator.awaitEvent(KIND, "r", "DriftDetected"),
          CatalogEvent.ROLE_DRIFT_DETECTED,
          "drift detected");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftCorrectedInCorrectMode(MockKubernetes kubernetes) throws SQLException {
    String name = scratch.principalName("correct");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "rolecorrect")) {
      operator.readyInstance("pg", server);
      operator.create(withDrift(role("r", name, "pg"), DriftMode.correct));
      operator.awaitReady(DatabaseRole.class, "r");
      sql("ALTER ROLE " + scratch.quote(name) + " CREATEDB");
      assertRow(
          operator.awaitEvent(KIND, "r", "DriftCorrected"),
          CatalogEvent.ROLE_DRIFT_CORRECTED,
          "Drift corrected");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftCorrectionFailedWhenAMembershipCannotBeRestored(MockKubernetes kubernetes)
      throws SQLException {
    String name = scratch.principalName("member");
    String parent = scratch.principalName("gone");
    sql("CREATE ROLE " + scratch.quote(parent));
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "rolecorrectfail")) {
      operator.readyInstance("pg", server);
      DatabaseRole role = withDrift(role("r", name, "pg"), DriftMode.correct);
      role.getSpec().getPostgres().setInRoles(List.of(parent));
      operator.create(role);
      operator.awaitReady(DatabaseRole.class, "r");
      sql("DROP ROLE " + scratch.quote(parent));
      assertRow(
          operator.awaitEvent(KIND, "r", "DriftCorrectionFailed"),
          CatalogEvent.ROLE_DRIFT_CORRECTION_FAILED,
          "Failed to");
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void reconcileFailedWhenAnUpdateCannotBeApplied(MockKubernetes kubernetes) {
    String name = scratch.principalName("update");
    String missing = scratch.principalName("missing");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "roleupdate")) {
      operator.readyInstance("pg", server);
      operator.create(role("r", name, "pg"));
      operator.awaitReady(DatabaseRole.class, "r");
      DatabaseRole role = operator.get(DatabaseRole.class, "r");
      role.getSpec().getPostgres().setInRoles(List.of(missing));
      operator.client.resource(role).update();
      assertRow(
          operator.awaitEvent(KIND, "r", "ReconcileFailed"),
          CatalogEvent.ROLE_RECONCILE_FAILED,
          "Failed to");
      assertAllInCatalog(operator.events());
    }
  }
}
