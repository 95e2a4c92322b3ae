package io.dbprovision.exporter.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.pipeline.EventPipeline;
import io.dbprovision.exporter.pipeline.MetadataLookup;
import io.dbprovision.exporter.pipeline.RecordingDispatcher;
import io.dbprovision.exporter.watch.EventWatcher;
import io.dbprovision.exporter.watch.InitialListing;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A watch that breaks (410 Gone, a lost connection) is replaced by a relist, diffed against the
 * counts the pipeline knows: what changed during the gap is counted once, nothing else again.
 */
@ExtendWith(MockKubernetesExtension.class)
class RelistAfterWatchFailureTest {
  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @Test
  void aRelistCountsWhatChangedDuringTheGapAndNothingElse(MockKubernetes kubernetes)
      throws Exception {
    String namespace = kubernetes.newNamespace("relist");
    ClusterEvents events = new ClusterEvents(kubernetes.client(), namespace, clock);
    ExporterConfig config =
        new ConfigLoader(k -> null, true)
            .parse(
                "route:\n  routes:\n    - match:\n        - receiver: r\n"
                    + "receivers:\n  - name: r\n    stdout: {}\n",
                "test")
            .config();
    RecordingDispatcher recording = new RecordingDispatcher();
    ExporterMetrics metrics =
        new ExporterMetrics(new PrometheusRegistry(), config.metrics(), clock, "test");
    DiscardReporter discards = DiscardReporter.perMinute(clock, metrics::discarded);
    KubernetesClient client = kubernetes.newClient();
    try (EventPipeline pipeline =
        new EventPipeline(
                config,
                100,
                new OccurrenceTracker(1000, Duration.ofSeconds(5), clock),
                MetadataLookup.NONE,
                metrics,
                discards,
                recording,
                clock)
            .start()) {
      EventWatcher first = watcher(client, namespace, pipeline, discards, InitialListing.BASELINE);
      events.create("repeating", 1);
      events.create("steady", 3);
      await().until(() -> Occurrences.byEvent(recording).size() == 2);

      first.close();
      events.repeat("repeating", 4);
      events.create("during-the-gap", 2);

      EventWatcher relisted = watcher(client, namespace, pipeline, discards, InitialListing.RELIST);
      events.create("after", 1);
      await().until(() -> Occurrences.byEvent(recording).containsKey("after"));
      relisted.close();
    }

    assertThat(Occurrences.byEvent(recording))
        .isEqualTo(Map.of("repeating", 4, "steady", 3, "during-the-gap", 2, "after", 1));
  }

  private EventWatcher watcher(
      KubernetesClient client,
      String namespace,
      EventPipeline pipeline,
      DiscardReporter discards,
      InitialListing listing)
      throws Exception {
    EventWatcher watcher =
        new EventWatcher(
            client,
            List.of(namespace),
            new EventNormalizer(),
            discards,
            pipeline,
            () -> {},
            listing);
    watcher.start(Duration.ofSeconds(20));
    return watcher;
  }
}
