package io.dbprovision.exporter.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dbprovision.exporter.config.MetricsConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchErrorsTest {

  /** A client for an API server that is not there: a loopback port nobody listens on. */
  private static KubernetesClient unreachableApiServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port)
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  @Test
  void countsFailedWatchesAndFailsTheStartWithTheReason() throws Exception {
    AtomicInteger errors = new AtomicInteger();
    try (KubernetesClient client = unreachableApiServer();
        OperatorObjects objects =
            new OperatorObjects(
                client,
                List.of(),
                new ExporterMetrics(
                    new PrometheusRegistry(), MetricsConfig.defaults(), Clock.systemUTC(), "test"),
                errors::incrementAndGet)) {

      Throwable failure = catchThrowable(() -> objects.start(Duration.ofSeconds(30)));

      assertThat(failure)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot watch the operator's resources: ");
      assertThat(errors.get()).isPositive();
    }
  }
}
