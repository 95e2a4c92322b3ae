package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping the operator process closes the connection pools its reconcilers opened: the server sees
 * the sessions go. The instance's sessions are told apart from everyone else's on the shared test
 * server by a unique {@code application_name}.
 */
@ExtendWith(MockKubernetesExtension.class)
class ConnectionPoolsShutdownIT {
  private final DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);

  private int sessions(String application) throws SQLException {
    try (Connection admin = server.openAdmin();
        PreparedStatement s =
            admin.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      s.setString(1, application);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Test
  void stoppingTheProcessClosesTheInstancesPools(MockKubernetes kubernetes) throws SQLException {
    String application = "dbpt-pools-" + UUID.randomUUID();
    OperatorOnMock operator = new OperatorOnMock(kubernetes, "pools");
    try {
      operator.adminSecret("db-admin", server, server.adminPassword());
      operator.instance(
          "db",
          server,
          server.port(),
          "db-admin",
          spec -> spec.getPostgres().setApplicationName(application));
      operator.awaitReady(DatabaseInstance.class, "db");
      assertThat(sessions(application)).isPositive();
    } finally {
      operator.close();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> sessions(application) == 0);
  }
}
