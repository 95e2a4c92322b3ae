package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.ConnectionSpec;
import io.dbprovision.api.v1alpha1.CredentialsSecretRef;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.connect.ConnectionPools;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.testing.ShiftedClock;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long children reuse the credentials an instance's Secret held: a burst of children reads the
 * Secret once, and a changed or deleted Secret reaches them within {@link
 * InstanceConnections#CREDENTIALS_REUSE}, or at once when the instance itself changed.
 */
@ExtendWith(MockKubernetesExtension.class)
class InstanceConnectionsIT {
  private final DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
  private final ShiftedClock clock = ShiftedClock.at("2026-03-01T10:00:00Z");
  private KubernetesClient client;
  private String namespace;
  private InstanceConnections connections;
  private DatabaseInstance instance;

  @BeforeEach
  void start(MockKubernetes kubernetes) {
    client = kubernetes.client();
    namespace = kubernetes.newNamespace("connections");
    connections =
        new InstanceConnections(
            client,
            new ConnectionPools(),
            Duration.ofSeconds(10),
            new OperatorMetrics(new PrometheusRegistry()),
            clock);
    adminSecret(server.adminPassword());
    instance = client.resource(instance()).create();
  }

  @AfterEach
  void close() {
    connections.close();
  }

  @Test
  void childrenReuseTheCredentialsReadWithinTheLastHalfMinute() throws Exception {
    DatabaseEngine engine = connections.engineFor(instance);
    deleteSecret();

    clock.set(clock.instant().plus(InstanceConnections.CREDENTIALS_REUSE.minusSeconds(1)));
    assertThat(connections.recentEngineFor(instance)).isSameAs(engine);
    assertThat(engine.checkHealth().version()).isNotBlank();

    clock.set(clock.instant().plusSeconds(2));
    assertThatThrownBy(() -> connections.recentEngineFor(instance))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("the Secret does not exist");
  }

  @Test
  void aChangedSecretReachesChildrenOnceTheReuseIsOver() throws Exception {
    DatabaseEngine before = connections.recentEngineFor(instance);
    adminSecret("another-" + server.adminPassword());
    assertThat(connections.recentEngineFor(instance)).isSameAs(before);

    clock.set(clock.instant().plus(InstanceConnections.CREDENTIALS_REUSE));

    assertThat(connections.recentEngineFor(instance)).isNotSameAs(before);
  }

  @Test
  void anEditedOrRecreatedInstanceIsReadAgainAtOnce() throws Exception {
    DatabaseEngine before = connections.engineFor(instance);
    deleteSecret();

    DatabaseInstance edited = client.resource(instance).get();
    edited.getMetadata().setGeneration(instance.getMetadata().getGeneration() + 1);
    assertThatThrownBy(() -> connections.recentEngineFor(edited))
        .isInstanceOf(InvalidSpecException.class);

    adminSecret(server.adminPassword());
    assertThat(connections.engineFor(instance)).isNotNull();
    DatabaseInstance recreated = client.resource(instance).get();
    recreated.getMetadata().setUid("another-uid");
    deleteSecret();
    assertThatThrownBy(() -> connections.recentEngineFor(recreated))
        .isInstanceOf(InvalidSpecException.class);
    assertThat(before).isNotNull();
  }

  private void adminSecret(String password) {
    client
        .resource(
            new SecretBuilder()
                .withMetadata(
                    new ObjectMetaBuilder().withName("admin").withNamespace(namespace).build())
                .withStringData(Map.of("username", server.adminUser(), "password", password))
                .build())
        .createOr(existing -> existing.update());
  }

  private void deleteSecret() {
    client.secrets().inNamespace(namespace).withName("admin").delete();
  }

  private DatabaseInstance instance() {
    DatabaseInstance created = new DatabaseInstance();
    created.setMetadata(
        new ObjectMetaBuilder().withName("pg").withNamespace(namespace).withGeneration(1L).build());
    DatabaseInstanceSpec spec = new DatabaseInstanceSpec();
    spec.setEngine(Engine.postgres);
    ConnectionSpec connection = new ConnectionSpec();
    connection.setHost(server.host());
    connection.setPort(server.port());
    connection.setDatabase(server.adminDatabase());
    CredentialsSecretRef ref = new CredentialsSecretRef();
    ref.setName("admin");
    connection.setSecretRef(ref);
    spec.setConnection(connection);
    created.setSpec(spec);
    return created;
  }
}
