package io.dbprovision.exporter.pipeline;

import static io.dbprovision.exporter.metrics.Scrape.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ConfigWatcher;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.MetricsConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.normalize.TestEvents;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventPipelineTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExporterMetrics metrics =
      new ExporterMetrics(registry, MetricsConfig.defaults(), clock, "test");
  private final RecordingDispatcher receiver = new RecordingDispatcher();
  private final List<ObjectRef> lookups = new CopyOnWriteArrayList<>();
  private final MetadataLookup lookup =
      ref -> {
        lookups.add(ref);
        return new ObjectMetadata(Map.of("team", "dba"), Map.of(), List.of(), false);
      };
  private EventPipeline pipeline;

  private static ExporterConfig config(String yaml) throws Exception {
    return new ConfigLoader(k -> null, true).parse(yaml, "test").config();
  }

  private static final String WARNINGS_TO_SLACK =
      """
      route:
        match:
          - type: Warning
            receiver: slack
      receivers:
        - name: slack
          slack: {endpoint: "https://hooks.slack.com/services/x", message: "{{ .Reason }}"}
      """;

  private EventPipeline pipeline(ExporterConfig config, int capacity, Dispatcher dispatcher) {
    pipeline =
        new EventPipeline(
            config,
            capacity,
            new OccurrenceTracker(100, Duration.ofSeconds(5), clock),
            lookup,
            metrics,
            DiscardReporter.perMinute(clock, metrics::discarded),
            dispatcher,
            clock);
    return pipeline;
  }

  @AfterEach
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static EventRecord warning(String uid, int count) {
    return TestEvents.event()
        .uid(uid)
        .type("Warning")
        .reason("Failed")
        .count(count)
        .lastTimestamp(NOW)
        .build();
  }

  private String scrape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void routesOccurrencesWithTheirCountAndTheInvolvedObjectsLabels() throws Exception {
    pipeline(config(WARNINGS_TO_SLACK), 10, receiver).start();

    pipeline.offer(new Change(Change.Type.ADDED, warning("a", 2)));
    pipeline.offer(new Change(Change.Type.UPDATED, warning("a", 2)));
    pipeline.offer(new Change(Change.Type.UPDATED, warning("a", 5)));
    await().until(() -> pipeline.processed() == 3);

    assertThat(receiver.decisions()).extracting(Decision::occurrences).containsExactly(2, 3);
    Decision decision = receiver.decisions().get(0);
    assertThat(decision.receiverNames()).containsExactly("slack");
    assertThat(decision.event().involvedMetadata().labels()).containsEntry("team", "dba");
    assertThat(decision.templateData())
        .containsEntry("Reason", "Failed")
        .containsEntry("Count", 2L);
  }

  @Test
  void looksUpTheInvolvedObjectOnlyForWhatIsSentOrTestedByLabels() throws Exception {
    pipeline(config(WARNINGS_TO_SLACK), 10, receiver).start();

    pipeline.offer(
        new Change(Change.Type.ADDED, TestEvents.event().uid("n").lastTimestamp(NOW).build()));
    pipeline.offer(new Change(Change.Type.ADDED, warning("w", 1)));
    await().until(() -> pipeline.processed() == 2);

    assertThat(lookups).hasSize(1);
  }

  @Test
  void omitLookupLeavesTheInvolvedObjectUnknown() throws Exception {
    pipeline(config("omitLookup: true\n" + WARNINGS_TO_SLACK), 10, receiver).start();

    pipeline.offer(new Change(Change.Type.ADDED, warning("w", 1)));
    await().until(() -> receiver.decisions().size() == 1);

    assertThat(lookups).isEmpty();
    assertThat(receiver.decisions().get(0).event().involvedMetadata())
        .isEqualTo(ObjectMetadata.UNKNOWN);
  }

  @Test
  void seedsAreStateNotOccurrences() throws Exception {
    pipeline(config(WARNINGS_TO_SLACK), 10, receiver).start();

    pipeline.seed(warning("a", 4));
    pipeline.offer(new Change(Change.Type.UPDATED, warning("a", 4)));
    pipeline.offer(new Change(Change.Type.UPDATED, warning("a", 6)));
    await().until(() -> pipeline.processed() == 3);

    assertThat(receiver.decisions()).extracting(Decision::occurrences).containsExactly(2);
  }

  @Test
  void aFullQueueDiscardsAndCountsInsteadOfBlocking() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    pipeline(
            config(WARNINGS_TO_SLACK),
            1,
            decision -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })
        .start();

    pipeline.offer(new Change(Change.Type.ADDED, warning("a", 1)));
    await().until(() -> pipeline.backlog() == 0);
    pipeline.offer(new Change(Change.Type.ADDED, warning("b", 1)));
    pipeline.offer(new Change(Change.Type.ADDED, warning("c", 1)));
    release.countDown();

    assertThat(scrape())
        .contains(
            series("dbprovision_exporter_events_discarded_total", "cause", "queue_full") + " 1.0");
  }

  @Test
  void aFailingReceiverDoesNotStopThePipeline() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    pipeline(
            config(WARNINGS_TO_SLACK),
            10,
            decision -> {
              seen.add(decision.event().uid());
              if (decision.event().uid().equals("bad")) {
                throw new IllegalStateException("receiver broke");
              }
            })
        .start();

    pipeline.offer(new Change(Change.Type.ADDED, warning("bad", 1)));
    pipeline.offer(new Change(Change.Type.ADDED, warning("good", 1)));

    await().until(() -> seen.size() == 2);
    assertThat(seen).containsExactly("bad", "good");
  }

  @Test
  void aChangedConfigurationFileReroutesWhileABrokenOneChangesNothing(@TempDir Path dir)
      throws Exception {
    ConfigLoader loader = new ConfigLoader(k -> null, true);
    Path file = Files.writeString(dir.resolve("config.yaml"), WARNINGS_TO_SLACK);
    ExporterConfig initial = loader.load(file).config();
    ConfigWatcher watcher = new ConfigWatcher(file, loader, initial, metrics::configReloaded);
    pipeline(initial, 10, receiver).start();
    watcher.onChange(pipeline::reconfigure);

    Files.writeString(file, WARNINGS_TO_SLACK.replace("receiver: slack", "receiver: nobody"));
    watcher.checkNow();
    pipeline.offer(new Change(Change.Type.ADDED, warning("a", 1)));
    await().until(() -> receiver.decisions().size() == 1);

    Files.writeString(file, WARNINGS_TO_SLACK.replace("type: Warning", "type: Normal"));
    watcher.checkNow();
    pipeline.offer(new Change(Change.Type.ADDED, warning("b", 1)));
    pipeline.offer(
        new Change(Change.Type.ADDED, TestEvents.event().uid("c").lastTimestamp(NOW).build()));
    await().until(() -> pipeline.processed() == 3);

    assertThat(receiver.decisions()).extracting(d -> d.event().uid()).containsExactly("a", "c");
    assertThat(scrape())
        .contains(series("dbprovision_exporter_config_reloads_total", "result", "error") + " 1.0")
        .contains(
            series("dbprovision_exporter_config_reloads_total", "result", "success") + " 1.0");
  }

  @Test
  void aReloadChangesTheRouteFromTheNextEventOn() throws Exception {
    pipeline(config(WARNINGS_TO_SLACK), 10, receiver).start();
    pipeline.offer(new Change(Change.Type.ADDED, warning("a", 1)));
    await().until(() -> receiver.decisions().size() == 1);

    pipeline.reconfigure(config(WARNINGS_TO_SLACK.replace("type: Warning", "type: Normal")));
    pipeline.offer(new Change(Change.Type.ADDED, warning("b", 1)));
    pipeline.offer(
        new Change(Change.Type.ADDED, TestEvents.event().uid("c").lastTimestamp(NOW).build()));
    await().until(() -> pipeline.processed() == 3);

    assertThat(receiver.decisions()).extracting(d -> d.event().uid()).containsExactly("a", "c");
  }

  @Test
  void aReloadAppliesItsMaxEventAgeToEventsFirstSeenAfterIt() throws Exception {
    pipeline(config(WARNINGS_TO_SLACK), 10, receiver).start();
    EventRecord tenSecondsOld = warning("old", 1);
    clock.advance(Duration.ofSeconds(10));
    pipeline.offer(new Change(Change.Type.ADDED, tenSecondsOld));
    await().until(() -> pipeline.processed() == 1);
    assertThat(receiver.decisions()).as("older than the default 5 s: state").isEmpty();

    pipeline.reconfigure(config("maxEventAgeSeconds: 60\n" + WARNINGS_TO_SLACK));
    pipeline.offer(new Change(Change.Type.ADDED, warning("also-old", 1)));
    await().until(() -> pipeline.processed() == 2);
    assertThat(receiver.decisions()).extracting(d -> d.event().uid()).containsExactly("also-old");

    pipeline.reconfigure(config("maxEventAgeSeconds: 2\n" + WARNINGS_TO_SLACK));
    pipeline.offer(new Change(Change.Type.ADDED, warning("too-old-again", 1)));
    await().until(() -> pipeline.processed() == 3);
    assertThat(receiver.decisions()).extracting(d -> d.event().uid()).containsExactly("also-old");
  }
}
