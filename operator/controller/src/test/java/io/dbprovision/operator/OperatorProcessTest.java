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
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Main's wiring (not the jar) against the mock API server, with SSA off as the mock needs. */
@ExtendWith(MockKubernetesExtension.class)
class OperatorProcessTest {

  private static OperatorConfig config(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("DBPROVISION_METRICS_ADDRESS", "127.0.0.1:0");
    env.put("DBPROVISION_HEALTH_ADDRESS", "127.0.0.1:0");
    env.putAll(extra);
    env.put("DBPROVISION_SERVER_SIDE_APPLY", "false");
    env.put("HOSTNAME", "operator-0");
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
