package io.dbprovision.exporter.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.health.HealthCheck;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.pipeline.RecordingDispatcher;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /healthz} and {@code /readyz} on the metrics port answer what the process is going
 * through.
 */
@ExtendWith(MockKubernetesExtension.class)
class HealthEndpointsTest {
  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final AtomicReference<Optional<String>> deliveryWorkers =
      new AtomicReference<>(Optional.empty());
  private MockKubernetes kubernetes;
  private String namespace;

  @BeforeEach
  void setUp(MockKubernetes kubernetes) {
    this.kubernetes = kubernetes;
    this.namespace = kubernetes.newNamespace("health");
  }

  private ExporterConfig config(boolean leaderElection) throws Exception {
    return new ConfigLoader(k -> null, true)
        .parse(
            """
            namespace: %s
            leaderElection:
              enabled: %s
            route:
              routes:
                - match:
                    - receiver: alerts
            receivers:
              - name: alerts
                stdout: {}
            """
                .formatted(namespace, leaderElection),
            "test")
        .config();
  }

  private ExporterProcess start(ExporterConfig config, Duration syncTimeout) throws Exception {
    return start(config, syncTimeout, "exporter-0");
  }

  private ExporterProcess start(ExporterConfig config, Duration syncTimeout, String identity)
      throws Exception {
    ProcessSettings settings =
        new ProcessSettings(
            "127.0.0.1:0",
            namespace,
            identity,
            "test",
            syncTimeout,
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            Duration.ofMillis(1500),
            Duration.ofMillis(200));
    RecordingDispatcher recording = new RecordingDispatcher();
    HealthCheck workers = deliveryWorkers::get;
    return ExporterProcess.start(
        kubernetes.newClient(),
        config,
        settings,
        (initial, current, renderer, registry) ->
            new Delivery() {
              @Override
              public io.dbprovision.exporter.pipeline.Dispatcher dispatcher() {
                return recording;
              }

              @Override
              public HealthCheck workers() {
                return workers;
              }

              @Override
              public void close() {}
            },
        clock);
  }

  private static HttpResponse<String> get(ExporterProcess process, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSyncedExporterIsLiveAndReady() throws Exception {
    try (ExporterProcess process = start(config(false), Duration.ofSeconds(20))) {
      assertThat(get(process, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(process, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(process, "/metrics").body()).contains("dbprovision_exporter_leader 1.0");
    }
  }

  @Test
  void livenessFailsWhenThePipelineDiesOrADeliveryWorkerDied() throws Exception {
    try (ExporterProcess process = start(config(false), Duration.ofSeconds(20))) {
      deliveryWorkers.set(Optional.of("the worker of receiver alerts died"));
      HttpResponse<String> deadWorker = get(process, "/healthz");
      assertThat(deadWorker.statusCode()).isEqualTo(503);
      assertThat(deadWorker.body()).contains("delivery: the worker of receiver alerts died");
      deliveryWorkers.set(Optional.empty());

      process.session().orElseThrow().pipeline().close();

      HttpResponse<String> deadPipeline = get(process, "/healthz");
      assertThat(deadPipeline.statusCode()).isEqualTo(503);
      assertThat(deadPipeline.body()).contains("the pipeline thread has stopped");
    }
  }

  @Test
  void readinessFailsWhileTheLeaderCannotSyncItsWatch() throws Exception {
    try (ExporterProcess process = start(config(true), Duration.ZERO)) {
      await().atMost(Duration.ofSeconds(20)).until(process::isLeading);

      HttpResponse<String> readiness = get(process, "/readyz");

      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).contains("watch: leading but not watching yet");
      assertThat(get(process, "/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aFollowerIsReadyWhileIdle() throws Exception {
    try (ExporterProcess leader = start(config(true), Duration.ofSeconds(20), "replica-a")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> leader.session().isPresent());
      try (ExporterProcess follower = start(config(true), Duration.ofSeconds(20), "replica-b")) {
        assertThat(follower.isLeading()).isFalse();
        assertThat(get(follower, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(follower, "/metrics").body()).contains("dbprovision_exporter_leader 0.0");
      }
    }
  }
}
