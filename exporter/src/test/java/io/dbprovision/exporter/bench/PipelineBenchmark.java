package io.dbprovision.exporter.bench;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.EventTemplateData;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.render.GoTemplateSyntax;
import io.dbprovision.exporter.render.TemplatePayloadRenderer;
import io.dbprovision.exporter.route.Router;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's cost per Event on one thread: normalize, count (occurrences and counters), route
 * and render, next to the cost of decoding the same Event's JSON with fabric8's serializer (what
 * every watch notification costs anyway). Prints figures; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl exporter -am verify -Pbench -DskipTests} (the {@code bench}
 * profile runs it in its own JVM, limited to one processor).
 */
public final class PipelineBenchmark {
  private static final int EVENTS_PER_ROUND = 50_000;
  private static final int DISTINCT_EVENTS = 2_000;
  private static final int WARMUP_ROUNDS = 4;
  private static final int MEASURED_ROUNDS = 6;
  private static final String[] REASONS = {
    "ConnectionFailed", "BackupFailed", "Reconciled", "GrantApplied", "DriftDetected"
  };

  private static final String CONFIG =
      """
      clusterName: bench
      route:
        routes:
          - drop:
              - type: Normal
            match:
              - receiver: slack
              - receiver: hook
                reason: "^Backup"
              - receiver: team-a
                namespace: "team-a"
                minCount: 2
      receivers:
        - name: slack
          slack:
            token: xoxb-bench
            channel: "#db"
            message: "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}"
            title: "{{ .ClusterName }} {{ .Type }}"
            fields:
              namespace: "{{ .Namespace }}"
              message: "{{ .Message | trunc 200 }}"
              count: "{{ .Count }}"
        - name: hook
          webhook:
            endpoint: http://bench.invalid/hook
            headers:
              X-Reason: "{{ .Reason }}"
            layout:
              summary: "{{ .Message }}"
              object: "{{ .InvolvedObject.Namespace }}/{{ .InvolvedObject.Name }}"
              at: "{{ .GetTimestampISO8601 }}"
              severity: 3
        - name: team-a
          stdout: {}
      """;

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (!Benchmarks.selected("pipeline")) {
      return;
    }
    ExporterConfig config =
        new ConfigLoader(k -> null, false, new GoTemplateSyntax()).parse(CONFIG, "bench").config();
    List<String> json = events();
    System.out.printf(
        "PipelineBenchmark: %d Events per round (%d distinct, counts rising), %d warm-up and %d"
            + " measured rounds, 1 thread, %d processor(s) visible%n",
        EVENTS_PER_ROUND,
        DISTINCT_EVENTS,
        WARMUP_ROUNDS,
        MEASURED_ROUNDS,
        Runtime.getRuntime().availableProcessors());
    List<Event> decoded = new ArrayList<>(json.size());
    for (String text : json) {
      decoded.add(Serialization.unmarshal(text, Event.class));
    }
    long[] decodeNanos = new long[MEASURED_ROUNDS];
    long[] pipelineNanos = new long[MEASURED_ROUNDS];
    long sink = 0;
    for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
      long start = System.nanoTime();
      for (String text : json) {
        sink += Serialization.unmarshal(text, Event.class).getCount();
      }
      long decode = System.nanoTime() - start;

      Stages stages = new Stages(config);
      start = System.nanoTime();
      for (Event event : decoded) {
        sink += stages.process(event);
      }
      long pipeline = System.nanoTime() - start;
      if (round >= WARMUP_ROUNDS) {
        decodeNanos[round - WARMUP_ROUNDS] = decode;
        pipelineNanos[round - WARMUP_ROUNDS] = pipeline;
      }
    }
    double decodeRate = rate(median(decodeNanos));
    double pipelineRate = rate(median(pipelineNanos));
    double bothRate = EVENTS_PER_ROUND / ((median(decodeNanos) + median(pipelineNanos)) / 1e9);
    System.out.printf("decode only (fabric8 Serialization):      %,12.0f events/s%n", decodeRate);
    System.out.printf(
        "pipeline (normalize, count, route, render): %,12.0f events/s%n", pipelineRate);
    System.out.printf("decode + pipeline:                         %,12.0f events/s%n", bothRate);
    System.out.printf(
        "pipeline cost / decode cost:                %12.2f (target <= 2)%n",
        (double) median(pipelineNanos) / median(decodeNanos));
    System.out.printf("(checksum %d)%n", sink);
  }

  /** The pipeline thread's work for one Event, as EventPipeline does it, minus the queue. */
  private static final class Stages {
    private final ExporterConfig config;
    private final EventNormalizer normalizer = new EventNormalizer();
    private final OccurrenceTracker tracker;
    private final ExporterMetrics metrics;
    private final Router router;
    private final TemplatePayloadRenderer renderer;

    Stages(ExporterConfig config) {
      this.config = config;
      this.tracker =
          new OccurrenceTracker(
              OccurrenceTracker.DEFAULT_CAPACITY, Duration.ofDays(3650), Clock.systemUTC());
      this.metrics =
          new ExporterMetrics(new PrometheusRegistry(), config.metrics(), Clock.systemUTC(), "b");
      this.router = Router.compile(config.route());
      this.renderer = new TemplatePayloadRenderer().prepare(config);
    }

    int process(Event event) throws Exception {
      EventRecord record = normalizer.normalize(event);
      int occurrences = tracker.occurrences(record);
      metrics.recordOccurrences(record, occurrences);
      if (occurrences == 0) {
        return 0;
      }
      List<String> names = router.receiversFor(record);
      if (names.isEmpty()) {
        return occurrences;
      }
      Map<String, Object> data = EventTemplateData.of(record, config.clusterName());
      int size = 0;
      for (String name : names) {
        ReceiverConfig receiver = config.receiver(name).orElseThrow();
        size += renderer.render(receiver, data).hashCode() & 1;
      }
      return occurrences + size;
    }
  }

  private static List<String> events() {
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> json = new ArrayList<>(EVENTS_PER_ROUND);
    for (int i = 0; i < EVENTS_PER_ROUND; i++) {
      int id = i % DISTINCT_EVENTS;
      String namespace = "team-" + (char) ('a' + id % 8);
      String reason = REASONS[id % REASONS.length];
      String at = base.plusSeconds(i / DISTINCT_EVENTS).toString();
      Event event =
          new EventBuilder()
              .withNewMetadata()
              .withName("orders-" + id + ".17a2b3c4d5e6f")
              .withNamespace(namespace)
              .withUid("6c1a0d2e-0000-4000-8000-" + String.format("%012d", id))
              .withResourceVersion(Integer.toString(100_000 + i))
              .withCreationTimestamp(base.toString())
              .endMetadata()
              .withNewInvolvedObject()
              .withApiVersion(ResourceKind.API_VERSION)
              .withKind(id % 3 == 0 ? "Backup" : "Database")
              .withNamespace(namespace)
              .withName("orders-" + id % 50)
              .withUid("0a1b2c3d-0000-4000-8000-" + String.format("%012d", id % 50))
              .endInvolvedObject()
              .withReason(reason)
              .withMessage(reason + ": the server at orders-" + id % 50 + ".db:5432 answered late")
              .withType(id % 4 == 0 ? "Normal" : "Warning")
              .withCount(i / DISTINCT_EVENTS + 1)
              .withFirstTimestamp(base.toString())
              .withLastTimestamp(at)
              .withNewSource()
              .withComponent("db-provision-operator")
              .endSource()
              .withReportingComponent("db-provision-operator")
              .withReportingInstance("db-provision-operator-7d9f8-abcde")
              .build();
      json.add(Serialization.asJson(event));
    }
    return json;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double rate(long nanos) {
    return EVENTS_PER_ROUND / (nanos / 1e9);
  }
}
