package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A DatabaseInstance on the real servers: Ready with the server version, updated, deleted. */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseInstanceReconcilerIT {

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void becomesReadyWithTheServerVersionFollowsSpecChangesAndGoesAwayWhenUnprotected(
      TestServer kind, MockKubernetes kubernetes) {
    DatabaseServer server = RealDatabases.server(kind);
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "instance")) {
      DatabaseInstance ready = operator.readyInstance("main", server);
      assertThat(ready.getStatus().getPhase()).isEqualTo(DatabaseInstanceStatus.Phase.Ready);
      assertThat(ready.getStatus().getVersion()).isNotBlank();
      assertThat(ready.getStatus().getObservedGeneration())
          .isEqualTo(ready.getMetadata().getGeneration());

      // A spec change pointing at a port nobody listens on turns it Failed, not deleted.
      ready.getSpec().getConnection().setPort(1);
      operator.client.resource(ready).update();
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  operator.get(DatabaseInstance.class, "main").getStatus().getPhase()
                      == DatabaseInstanceStatus.Phase.Failed);
      DatabaseInstance failed = operator.get(DatabaseInstance.class, "main");
      assertThat(failed.getStatus().getObservedGeneration())
          .isEqualTo(failed.getMetadata().getGeneration());

      operator.client.resource(failed).delete();
      operator.awaitGone(DatabaseInstance.class, "main");
    }
  }
}
