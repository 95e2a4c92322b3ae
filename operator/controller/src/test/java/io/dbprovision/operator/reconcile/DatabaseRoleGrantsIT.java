package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static io.dbprovision.operator.reconcile.ServerPrivileges.mysqlTable;
import static io.dbprovision.operator.reconcile.ServerPrivileges.postgresTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A DatabaseRole's own {@code grants} blocks on the real PostgreSQL and MariaDB: applied through
 * the same diff as a DatabaseGrant's, narrowed by revoking, and watched for drift.
 */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseRoleGrantsIT {
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

  /** The role {@code r} with privileges on table {@code t} of {@code database}. */
  private static DatabaseRole roleWithGrants(
      ServerPrivileges server, String roleName, String database, List<String> privileges) {
    DatabaseRole role = DatabaseRoleEventsIT.role("r", roleName, "db");
    setPrivileges(server, role, database, privileges);
    return role;
  }

  private static void setPrivileges(
      ServerPrivileges server, DatabaseRole role, String database, List<String> privileges) {
    if (server.postgres()) {
      role.getSpec().getPostgres().setGrants(List.of(postgresTable(database, "t", privileges)));
    } else {
      role.getSpec().getMysql().setGrants(List.of(mysqlTable(database, "t", privileges)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void grantsAreAppliedAndANarrowedBlockRevokesOnlyWhatItDropped(
      TestServer kind, MockKubernetes kubernetes) throws SQLException {
    ServerPrivileges server = on(kind);
    String database = server.databaseWithTable("rolegrants");
    String roleName = scratch.principalName("readers");
    String other = scratch.principalName("other");
    String admin = scratch.server().adminDatabase();
    server.sql(admin, "CREATE ROLE " + scratch.quote(other));
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "rolegrants")) {
      operator.readyInstance("db", scratch.server());
      operator.create(roleWithGrants(server, roleName, database, List.of("SELECT", "INSERT")));
      operator.awaitReady(DatabaseRole.class, "r");
      assertThat(server.onTable(database, "t", roleName, true)).containsExactly("INSERT", "SELECT");

      // A membership given outside the role's spec is not the grants block's to revoke.
      server.sql(admin, "GRANT " + scratch.quote(other) + " TO " + scratch.quote(roleName));
      DatabaseRole role = operator.get(DatabaseRole.class, "r");
      setPrivileges(server, role, database, List.of("SELECT"));
      operator.client.resource(role).update();

      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> server.onTable(database, "t", roleName, true).equals(Set.of("SELECT")));
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  Long.valueOf(2)
                      .equals(
                          operator
                              .get(DatabaseRole.class, "r")
                              .getStatus()
                              .getObservedGeneration()));
      assertThat(server.memberships(roleName)).containsExactly(other);
      assertAllInCatalog(operator.events());
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void driftInTheGrantsBlockIsDetected(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    ServerPrivileges server = on(kind);
    String database = server.databaseWithTable("roledrift");
    String roleName = scratch.principalName("drifting");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "rolegrantdrift")) {
      operator.readyInstance("db", scratch.server());
      DatabaseRole role = roleWithGrants(server, roleName, database, List.of("SELECT", "INSERT"));
      DriftPolicy policy = new DriftPolicy();
      policy.setMode(DriftMode.detect);
      policy.setInterval("2s");
      role.getSpec().setDriftPolicy(policy);
      operator.create(role);
      operator.awaitReady(DatabaseRole.class, "r");

      server.revokeOnTable(database, "INSERT", roleName, true);
      assertRow(
          operator.awaitEvent("DatabaseRole", "r", "DriftDetected"),
          CatalogEvent.ROLE_DRIFT_DETECTED,
          "drift detected",
          "grants.table." + database,
          ".t.missing");
      assertThat(server.onTable(database, "t", roleName, true)).containsExactly("SELECT");
      assertAllInCatalog(operator.events());
    }
  }
}
