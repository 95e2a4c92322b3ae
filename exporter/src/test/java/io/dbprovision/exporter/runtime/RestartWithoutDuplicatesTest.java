package io.dbprovision.exporter.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.pipeline.RecordingDispatcher;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A crash and a restart with the checkpoint: every occurrence is counted and dispatched exactly
 * once over the whole run, including those that happened while no exporter ran.
 */
@ExtendWith(MockKubernetesExtension.class)
class RestartWithoutDuplicatesTest {
  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private MockKubernetes kubernetes;
  private String namespace;
  private ClusterEvents events;
  private ExporterConfig config;

  @BeforeEach
  void setUp(MockKubernetes kubernetes) throws Exception {
    this.kubernetes = kubernetes;
    this.namespace = kubernetes.newNamespace("restart");
    this.events = new ClusterEvents(kubernetes.client(), namespace, clock);
    this.config =
        new ConfigLoader(k -> null, true)
            .parse(
                """
                namespace: %s
                checkpoint:
                  configMap: event-exporter-checkpoint
                route:
                  routes:
                    - match:
                        - receiver: alerts
                receivers:
                  - name: alerts
                    stdout: {}
                """
                    .formatted(namespace),
                "test")
            .config();
  }

  private ExporterProcess start(RecordingDispatcher recording) throws Exception {
    ProcessSettings defaults =
        ProcessSettings.defaults("127.0.0.1:0", namespace, "exporter-0", "test");
    // Only the test writes the checkpoint, so that what a crash leaves behind is exactly known.
    ProcessSettings settings =
        new ProcessSettings(
            defaults.metricsAddress(),
            namespace,
            defaults.identity(),
            defaults.version(),
            defaults.syncTimeout(),
            defaults.stallTimeout(),
            Duration.ofHours(1),
            defaults.leaseDuration(),
            defaults.renewDeadline(),
            defaults.retryPeriod());
    return ExporterProcess.start(
        kubernetes.newClient(),
        config,
        settings,
        (initial, current, renderer, registry) -> Delivery.of(recording),
        clock);
  }

  @Test
  void aCrashAndRestartDispatchesEveryOccurrenceExactlyOnce() throws Exception {
    RecordingDispatcher first = new RecordingDispatcher();
    ExporterProcess exporter = start(first);
    events.create("created-before", 1);
    events.repeat("created-before", 3);
    events.create("unchanged", 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Occurrences.byEvent(first).equals(Map.of("created-before", 3, "unchanged", 2)));
    assertThat(exporter.session().orElseThrow().flushCheckpoint()).isTrue();
    events.create("after-the-checkpoint-write", 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Occurrences.byEvent(first).containsKey("after-the-checkpoint-write"));
    assertThat(exporter.session().orElseThrow().flushCheckpoint()).isTrue();

    exporter.abandon();
    events.repeat("created-before", 5);
    events.create("while-down", 4);

    RecordingDispatcher second = new RecordingDispatcher();
    try (ExporterProcess restarted = start(second)) {
      assertThat(restarted.isLeading()).isTrue();
      events.create("after-restart", 1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Occurrences.byEvent(second).containsKey("after-restart"));
    }

    assertThat(Occurrences.byEvent(second))
        .isEqualTo(Map.of("created-before", 2, "while-down", 4, "after-restart", 1));
    assertThat(Occurrences.byEvent(first, second))
        .isEqualTo(
            Map.of(
                "created-before", 5,
                "unchanged", 2,
                "after-the-checkpoint-write", 1,
                "while-down", 4,
                "after-restart", 1));
  }

  @Test
  void aFirstStartWithoutCheckpointProcessesOnlyRecentEvents() throws Exception {
    events.create("recent", 2);
    clock.advance(Duration.ofSeconds(config.maxEventAgeSeconds() + 1));
    events.create("also-recent", 1);
    RecordingDispatcher recording = new RecordingDispatcher();
    try (ExporterProcess exporter = start(recording)) {
      assertThat(exporter.isLeading()).isTrue();
      events.create("marker", 1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Occurrences.byEvent(recording).containsKey("marker"));
    }

    assertThat(Occurrences.byEvent(recording)).isEqualTo(Map.of("also-recent", 1, "marker", 1));
  }
}
