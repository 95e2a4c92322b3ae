package io.dbprovision.operator.reconcile;

import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.ConnectionSpec;
import io.dbprovision.api.v1alpha1.CredentialsSecretRef;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.HealthCheckSpec;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.Main;
import io.dbprovision.operator.OperatorProcess;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operator as Main wires it, running against the mock API server in one namespace, with helpers
 * to declare instances on the real test servers and to read the Events it wrote.
 */
final class OperatorOnMock implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(60);

  final MockKubernetes kubernetes;
  final KubernetesClient client;
  final String namespace;
  final OperatorProcess process;

  OperatorOnMock(MockKubernetes kubernetes, String hint) {
    this(kubernetes, hint, Map.of());
  }

  /** As configured by {@code settings} on top of the test defaults. */
  OperatorOnMock(MockKubernetes kubernetes, String hint, Map<String, String> settings) {
    this(kubernetes, hint, settings, Clock.systemUTC(), Main::reconcilers);
  }

  /** As above, with the operator reading {@code clock} (tests that move time, e.g. rotation). */
  OperatorOnMock(MockKubernetes kubernetes, String hint, Clock clock) {
    this(kubernetes, hint, Map.of(), clock, Main::reconcilers);
  }

  /** The operator with its own clock and reconcilers (to test one reconciler on its own). */
  OperatorOnMock(
      MockKubernetes kubernetes,
      String hint,
      Map<String, String> settings,
      Clock clock,
      Function<OperatorServices, List<Reconciler<? extends HasMetadata>>> reconcilers) {
    this.kubernetes = kubernetes;
    this.client = kubernetes.client();
    this.namespace = kubernetes.newNamespace(hint);
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of(
                "DBPROVISION_METRICS_ADDRESS", "127.0.0.1:0",
                "DBPROVISION_HEALTH_ADDRESS", "127.0.0.1:0",
                "DBPROVISION_SERVER_SIDE_APPLY", "false",
                "DBPROVISION_NAMESPACES", namespace,
                "DBPROVISION_DEFAULT_DRIFT_INTERVAL", "1h"));
    env.putAll(settings);
    this.process = OperatorProcess.start(OperatorConfig.fromEnv(env), client, clock, reconcilers);
  }

  /** A credentials Secret for the server's administrator, with a password of our choice. */
  Secret adminSecret(String name, DatabaseServer server, String password) {
    return adminSecret(name, server.adminUser(), password);
  }

  /** A credentials Secret for another account on the server. */
  Secret adminSecret(String name, String username, String password) {
    Secret secret =
        new SecretBuilder()
            .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build())
            .withStringData(Map.of("username", username, "password", password))
            .build();
    return client.resource(secret).createOr(existing -> existing.update());
  }

  /** An instance on the real server (or on {@code port} instead of the server's own). */
  DatabaseInstance instance(String name, DatabaseServer server, int port, String secret) {
    return instance(name, server, port, secret, spec -> {});
  }

  /** As above, with the spec adjusted by {@code customize} before it is created. */
  DatabaseInstance instance(
      String name,
      DatabaseServer server,
      int port,
      String secret,
      Consumer<DatabaseInstanceSpec> customize) {
    DatabaseInstance instance = new DatabaseInstance();
    instance.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    DatabaseInstanceSpec spec = new DatabaseInstanceSpec();
    spec.setEngine(server.kind() == TestServer.POSTGRES ? Engine.postgres : Engine.mariadb);
    ConnectionSpec connection = new ConnectionSpec();
    connection.setHost(server.host());
    connection.setPort(port);
    connection.setDatabase(server.adminDatabase());
    CredentialsSecretRef ref = new CredentialsSecretRef();
    ref.setName(secret);
    connection.setSecretRef(ref);
    spec.setConnection(connection);
    HealthCheckSpec health = new HealthCheckSpec();
    health.setIntervalSeconds(5);
    health.setTimeoutSeconds(2);
    spec.setHealthCheck(health);
    spec.setDeletionProtection(false);
    customize.accept(spec);
    instance.setSpec(spec);
    return client.resource(instance).create();
  }

  /** An instance on the server, with its admin Secret, once it is Ready. */
  DatabaseInstance readyInstance(String name, DatabaseServer server) {
    adminSecret(name + "-admin", server, server.adminPassword());
    instance(name, server, server.port(), name + "-admin");
    awaitReady(DatabaseInstance.class, name);
    return client.resources(DatabaseInstance.class).inNamespace(namespace).withName(name).get();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(namespace).withName(name).get();
  }

  <T extends HasMetadata> T create(T resource) {
    resource.getMetadata().setNamespace(namespace);
    return client.resource(resource).create();
  }

  <T extends HasMetadata> void awaitReady(Class<T> type, String name) {
    await().atMost(PATIENCE).until(() -> isReady(status(get(type, name))));
  }

  <T extends HasMetadata> void awaitGone(Class<T> type, String name) {
    await().atMost(PATIENCE).until(() -> get(type, name) == null);
  }

  static ResourceStatus status(HasMetadata resource) {
    return resource instanceof CustomResource<?, ?> custom
        ? (ResourceStatus) custom.getStatus()
        : null;
  }

  static boolean isReady(ResourceStatus status) {
    return ReadyCondition.isReady(status);
  }

  /** Every Event on the mock in our namespace. */
  List<Event> events() {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }

  /** The first Event about {@code name} with {@code reason}, waiting for it to appear. */
  Event awaitEvent(String kind, String name, String reason) {
    return await()
        .atMost(PATIENCE)
        .until(() -> find(e -> matches(e, kind, name, reason)), Optional::isPresent)
        .orElseThrow();
  }

  Optional<Event> find(Predicate<Event> filter) {
    return events().stream().filter(filter).findFirst();
  }

  static boolean matches(Event event, String kind, String name, String reason) {
    return kind.equals(event.getInvolvedObject().getKind())
        && name.equals(event.getInvolvedObject().getName())
        && reason.equals(event.getReason());
  }

  @Override
  public void close() {
    process.close();
  }
}
