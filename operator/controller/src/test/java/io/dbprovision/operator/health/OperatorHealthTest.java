package io.dbprovision.operator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.operator.config.ListenAddress;
import io.dbprovision.operator.events.EventCorrelator;
import io.dbprovision.operator.events.EventRecorder;
import io.dbprovision.operator.events.KubernetesEventSink;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.testkit.kubernetes.JosdkOnMock;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes of a real JOSDK operator on the mock API server, asked over HTTP. */
class OperatorHealthTest {

  @ControllerConfiguration(name = "health-probe")
  static class NoopReconciler implements Reconciler<Database> {
    @Override
    public UpdateControl<Database> reconcile(Database resource, Context<Database> context) {
      return UpdateControl.noUpdate();
    }
  }

  private MockKubernetes kubernetes;
  private Operator operator;
  private EventRecorder recorder;
  private OperatorHealth probes;
  private HealthServer server;

  @BeforeEach
  void start() {
    kubernetes = MockKubernetes.start();
    operator = new Operator(JosdkOnMock.overrides(kubernetes.client()));
    operator.register(new NoopReconciler());
    recorder =
        new EventRecorder(
                new KubernetesEventSink(kubernetes.client(), "db-provision-operator", "test"),
                new EventCorrelator(Clock.systemUTC()),
                new OperatorMetrics(new PrometheusRegistry()),
                Clock.systemUTC(),
                10,
                EventRecorder.Retry.CLIENT_GO)
            .start();
    probes = new OperatorHealth(operator, recorder);
    server =
        HealthServer.start(new ListenAddress("127.0.0.1", 0), probes::liveness, probes::readiness);
  }

  @AfterEach
  void stop() {
    server.close();
    operator.stop();
    recorder.close();
    kubernetes.close();
  }

  private HttpResponse<String> get(String path) {
    return Http.get(server.port(), path);
  }

  @Test
  void notReadyUntilTheOperatorStartedThenReady() {
    HttpResponse<String> before = get("/readyz");
    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).contains("informers not synced");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);

    operator.start();
    probes.markStarted();

    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void notAliveOnceTheEventRecorderStopped() {
    operator.start();
    probes.markStarted();

    recorder.close();

    HttpResponse<String> response = get("/healthz");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("event recorder stopped");
  }

  @Test
  void notAliveOnceTheInformersLostTheApiServer() {
    operator.start();
    probes.markStarted();
    assertThat(get("/healthz").statusCode()).isEqualTo(200);

    kubernetes.close();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get("/healthz");
              assertThat(response.statusCode()).isEqualTo(503);
              assertThat(response.body()).contains("unhealthy event sources: health-probe/");
            });
  }
}
