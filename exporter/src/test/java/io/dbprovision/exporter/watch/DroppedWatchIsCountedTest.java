package io.dbprovision.exporter.watch;

import static io.dbprovision.exporter.metrics.Scrape.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.metrics.Scrape;
import io.dbprovision.exporter.runtime.ExporterProcess;
import io.dbprovision.exporter.runtime.ProcessSettings;
import io.dbprovision.exporter.runtime.QueuedDelivery;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A watch connection that breaks is re-opened by fabric8 without a word to the informer; the
 * exporter still counts it in {@code dbprovision_exporter_watch_errors_total}, and keeps receiving.
 */
@ExtendWith(MockKubernetesExtension.class)
class DroppedWatchIsCountedTest {

  private static double value(Scrape scrape, String series) {
    return scrape.samples.getOrDefault(series, -1.0);
  }

  @Test
  void aCutConnectionCountsAsAWatchErrorAndTheWatchComesBack(MockKubernetes kubernetes)
      throws Exception {
    String namespace = kubernetes.newNamespace("drop");
    ExporterConfig config =
        new ConfigLoader(k -> null, true)
            .parse(
                "metricsNamePrefix: event_exporter_\nnamespace: "
                    + namespace
                    + "\nroute:\n  routes:\n    - match:\n        - receiver: out\n"
                    + "receivers:\n  - name: out\n    stdout: {}\n",
                "test")
            .config();
    try (CuttableProxy proxy = CuttableProxy.to(URI.create(kubernetes.url()).getPort());
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(kubernetes.client().getConfiguration())
                        .withMasterUrl("http://127.0.0.1:" + proxy.port())
                        .build())
                .build();
        ExporterProcess exporter =
            ExporterProcess.start(
                client,
                config,
                ProcessSettings.defaults("127.0.0.1:0", namespace, "exporter-0", "test"),
                QueuedDelivery.factory(),
                Clock.systemUTC())) {
      String errors = series("dbprovision_exporter_watch_errors_total");
      String received = series("dbprovision_exporter_events_received_total", "type", "Warning");
      // An Event that arrives proves the watch is open (synced does not: it may still connect).
      createWarning(kubernetes.client(), namespace, "orders.before-the-cut");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> value(Scrape.of(exporter.port()), received) == 1);
      assertThat(value(Scrape.of(exporter.port()), errors)).isZero();

      // The checks count a watch that was open when they looked: let them look a few times.
      Thread.sleep(4 * WatchDrops.CHECK_INTERVAL.toMillis());
      proxy.cut();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> value(Scrape.of(exporter.port()), errors) >= 1);
      assertThat(value(Scrape.of(exporter.port()), "event_exporter_watch_errors_total"))
          .as("the Go tool's name under metricsNamePrefix counts the same")
          .isGreaterThanOrEqualTo(1);
      createWarning(kubernetes.client(), namespace, "orders.after-the-cut");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> value(Scrape.of(exporter.port()), received) == 2);
    }
  }

  private static void createWarning(KubernetesClient client, String namespace, String name) {
    String now = Instant.now().toString();
    client
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(ResourceKind.API_VERSION)
                .withKind("Database")
                .withNamespace(namespace)
                .withName("orders")
                .endInvolvedObject()
                .withReason("ConnectionFailed")
                .withMessage("cannot connect")
                .withType("Warning")
                .withCount(1)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .build())
        .create();
  }
}
