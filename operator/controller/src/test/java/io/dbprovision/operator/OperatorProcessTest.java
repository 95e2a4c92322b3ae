package io.dbprovision.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.operator.testing.LeaseReadyMockKubernetes;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Main's wiring (not the jar) against the mock API server, with SSA off as the mock needs. */
@ExtendWith(MockKubernetesExtension.class)
class OperatorProcessTest {

  private static OperatorConfig config(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("DBPROVISION_METRICS_ADDRESS", "127.0.0.1:0");
    env.put("DBPROVISION_HEALTH_ADDRESS", "127.0.0.1:0");
    env.put("DBPROVISION_SERVER_SIDE_APPLY", "false");
    env.put("HOSTNAME", "operator-0");
    env.putAll(extra);
    return OperatorConfig.fromEnv(env);
  }

  @Test
  void startsWithMainsReconcilersAndAnswersProbesAndMetrics(MockKubernetes kubernetes) {
    try (OperatorProcess process =
        OperatorProcess.start(
            config(Map.of()), kubernetes.client(), Clock.systemUTC(), Main::reconcilers)) {
      await().until(() -> Http.get(process.healthPort(), "/healthz").statusCode() == 200);
      await().until(() -> Http.get(process.healthPort(), "/readyz").statusCode() == 200);

      var metrics = Http.get(process.metricsPort(), "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("# TYPE dbprovision_operator_events_total counter");
    }
  }

  /** Stands in for the reconcilers to come: reports through the shared services. */
  @ControllerConfiguration(name = "wiring-probe")
  static class ReportingReconciler implements Reconciler<Database> {
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final OperatorServices services;

    ReportingReconciler(OperatorServices services) {
      this.services = services;
    }

    @Override
    public UpdateControl<Database> reconcile(Database db, Context<Database> context) {
      seen.add(db.getMetadata().getNamespace() + "/" + db.getMetadata().getName());
      services.events().record(db, CatalogEvent.DATABASE_CREATED, "Created database orders");
      services
          .metrics()
          .reconcileFinished(ResourceKind.DATABASE, ReconcileResult.SUCCESS, Duration.ofMillis(2));
      return UpdateControl.noUpdate();
    }
  }

  @Test
  void registeredReconcilersWatchTheConfiguredNamespacesAndShareRecorderAndMetrics(
      MockKubernetes kubernetes) {
    String watched = kubernetes.newNamespace("watched");
    String ignored = kubernetes.newNamespace("ignored");
    List<ReportingReconciler> reconcilers = new ArrayList<>();
    OperatorConfig config = config(Map.of("DBPROVISION_NAMESPACES", watched));

    try (OperatorProcess process =
        OperatorProcess.start(
            config,
            kubernetes.client(),
            Clock.systemUTC(),
            services -> {
              ReportingReconciler reconciler = new ReportingReconciler(services);
              reconcilers.add(reconciler);
              return List.<Reconciler<? extends HasMetadata>>of(reconciler);
            })) {
      assertThat(Http.get(process.healthPort(), "/readyz").statusCode()).isEqualTo(200);
      kubernetes.client().resource(database(ignored, "orders")).create();
      kubernetes.client().resource(database(watched, "orders")).create();

      await()
          .untilAsserted(
              () -> {
                List<Event> events =
                    kubernetes.client().v1().events().inNamespace(watched).list().getItems();
                assertThat(events)
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("Created");
                          assertThat(e.getReportingInstance()).isEqualTo("operator-0");
                        });
              });
      Scrape scrape = Scrape.of(Http.get(process.metricsPort(), "/metrics").body());
      assertThat(scrape.get("dbprovision_reconcile_total", "kind", "Database", "result", "success"))
          .isPositive();
      assertThat(
              scrape.get(
                  "dbprovision_operator_events_total",
                  "kind",
                  "Database",
                  "reason",
                  "Created",
                  "type",
                  "Normal",
                  "outcome",
                  "created"))
          .isEqualTo(1);
      assertThat(reconcilers.get(0).seen).containsExactly(watched + "/orders");
      assertThat(kubernetes.client().v1().events().inNamespace(ignored).list().getItems())
          .isEmpty();
    }
  }

  private static Function<OperatorServices, List<Reconciler<? extends HasMetadata>>> reporting(
      List<ReportingReconciler> into) {
    return services -> {
      ReportingReconciler reconciler = new ReportingReconciler(services);
      into.add(reconciler);
      return List.<Reconciler<? extends HasMetadata>>of(reconciler);
    };
  }

  private static OperatorConfig replica(String namespace, String name) {
    return config(
        Map.of(
            "DBPROVISION_NAMESPACES", namespace,
            "DBPROVISION_LEADER_ELECTION", "true",
            "DBPROVISION_LEADER_ELECTION_NAMESPACE", namespace,
            "HOSTNAME", name));
  }

  private static String holder(LeaseReadyMockKubernetes kubernetes, String namespace) {
    Lease lease =
        kubernetes.client().leases().inNamespace(namespace).withName("db-provision-operator").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void withLeaderElectionOnlyTheLeaseHolderReconcilesAndBothReplicasAreReady() {
    try (LeaseReadyMockKubernetes kubernetes = new LeaseReadyMockKubernetes();
        KubernetesClient secondClient = kubernetes.newClient()) {
      withLeaderElectionOnlyTheLeaseHolderReconciles(kubernetes, secondClient);
    }
  }

  private static void withLeaderElectionOnlyTheLeaseHolderReconciles(
      LeaseReadyMockKubernetes kubernetes, KubernetesClient secondClient) {
    String namespace = kubernetes.newNamespace("lease");
    List<ReportingReconciler> a = new ArrayList<>();
    List<ReportingReconciler> b = new ArrayList<>();
    AtomicInteger lost = new AtomicInteger();
    Clock clock = Clock.systemUTC();

    try (OperatorProcess first =
        OperatorProcess.start(
            replica(namespace, "operator-a"),
            kubernetes.client(),
            clock,
            reporting(a),
            lost::incrementAndGet)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "operator-a".equals(holder(kubernetes, namespace)));
      try (OperatorProcess second =
          OperatorProcess.start(
              replica(namespace, "operator-b"),
              kubernetes.newClient(),
              clock,
              reporting(b),
              lost::incrementAndGet)) {
        assertThat(Http.get(first.healthPort(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(Http.get(second.healthPort(), "/readyz").statusCode()).isEqualTo(200);

        kubernetes.client().resource(database(namespace, "orders")).create();

        await().until(() -> a.get(0).seen.contains(namespace + "/orders"));
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> b.get(0).seen.isEmpty());
        assertThat(holder(kubernetes, namespace)).isEqualTo("operator-a");
      }
    }
    // Stopping is not losing: the leader stepped down without asking the process to exit.
    assertThat(lost).hasValue(0);
  }

  @Test
  void losingTheLeaseWhileRunningAsksTheProcessToExit() {
    try (LeaseReadyMockKubernetes kubernetes = new LeaseReadyMockKubernetes()) {
      losingTheLease(kubernetes);
    }
  }

  private static void losingTheLease(LeaseReadyMockKubernetes kubernetes) {
    String namespace = kubernetes.newNamespace("stolen");
    AtomicInteger lost = new AtomicInteger();

    try (OperatorProcess leader =
        OperatorProcess.start(
            replica(namespace, "operator-a"),
            kubernetes.client(),
            Clock.systemUTC(),
            reporting(new ArrayList<>()),
            lost::incrementAndGet)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "operator-a".equals(holder(kubernetes, namespace)));

      assertThat(Http.get(leader.healthPort(), "/readyz").statusCode()).isEqualTo(200);

      // Another replica takes the Lease (as after a network partition): renewals now fail.
      kubernetes
          .client()
          .leases()
          .inNamespace(namespace)
          .withName("db-provision-operator")
          .edit(
              lease -> {
                lease.getSpec().setHolderIdentity("operator-elsewhere");
                lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
                lease.getSpec().setLeaseDurationSeconds(3600);
                return lease;
              });

      await().atMost(Duration.ofSeconds(60)).until(() -> lost.get() == 1);
    }
  }

  @Test
  void aTakenMetricsPortFailsStartupNamingTheAddress(MockKubernetes kubernetes) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      OperatorConfig config = config(Map.of("DBPROVISION_METRICS_ADDRESS", address));

      assertThatThrownBy(
              () ->
                  OperatorProcess.start(
                      config, kubernetes.client(), Clock.systemUTC(), Main::reconcilers))
          .hasMessageContaining("cannot serve metrics on " + address);
    }
  }

  private static Database database(String namespace, String name) {
    Database db = new Database();
    db.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    DatabaseSpec spec = new DatabaseSpec();
    spec.setInstanceRef(new ResourceRef("pg"));
    spec.setName(name);
    db.setSpec(spec);
    return db;
  }
}
