package io.dbprovision.exporter.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.events.EventType;
import io.dbprovision.exporter.metrics.Scrape;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storm of EXPORTER.md section 10: 100,000 Warning Events created within a minute on an API
 * server stand-in ({@link StormApiServer}: the CRUD mock cannot create that many that fast), all
 * routed to one Slack receiver (an incoming webhook, WireMock playing Slack) paced at one message
 * per second. The exporter is the runnable jar in its own JVM with the chart's flags and memory
 * limit; its peak memory is the process's resident set from {@code /proc} (sampled, and the
 * kernel's high-water mark {@code VmHWM}). Prints the exporter's own counters (scraped from {@code
 * /metrics}) and how many messages Slack received; asserts nothing (targets: counters exact, every
 * event in exactly one delivery outcome, about 70 Slack messages or fewer, RSS 256 MiB or less).
 *
 * <p>The receiver notifies {@code every} occurrence, the worst case for Slack: with the default
 * 5-minute cooldown most of the storm would be suppressed before it reaches the queue.
 *
 * <p>Run: {@code ./mvnw -B -o -pl exporter -am verify -Pbench -DskipTests -Dbench.only=storm}.
 */
public final class StormBenchmark {
  private static final int EVENTS = 100_000;
  private static final Duration CREATION_WINDOW = Duration.ofSeconds(60);
  private static final int OBJECTS = 200;
  private static final String SLACK_PATH = "/services/T0STORM/B0STORM/bench";

  private StormBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (!Benchmarks.selected("storm")) {
      return;
    }
    Benchmarks.quietMockApiServer();
    Path dir = Files.createTempDirectory("exporter-storm-bench");
    WireMockServer slack = new WireMockServer(options().dynamicPort().containerThreads(20));
    slack.start();
    slack.stubFor(
        post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    String namespace = "storm";
    try (StormApiServer api = StormApiServer.start(namespace)) {
      Path config = dir.resolve("config.yaml");
      Files.writeString(
          config,
          """
          logLevel: warn
          logFormat: json
          namespace: %s
          route:
            routes:
              - match:
                  - receiver: slack
                drop:
                  - type: Normal
          receivers:
            - name: slack
              notify: every
              slack:
                endpoint: "${SLACK_WEBHOOK_URL}"
                message: |
                  {{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}
                  {{ .Message }}
          """
              .formatted(namespace));
      System.out.printf(
          "StormBenchmark: %,d Warning Events within %ds (API server stand-in), %d DatabaseInstances,"
              + " one Slack webhook receiver (notify: every, 1 message/s); exporter jar with"
              + " JAVA_TOOL_OPTIONS=\"%s -XX:MaxRAM=%s\"; output in %s%n",
          EVENTS,
          CREATION_WINDOW.toSeconds(),
          OBJECTS,
          ExporterJvm.CHART_JAVA_TOOL_OPTIONS,
          ExporterJvm.CHART_MEMORY_LIMIT,
          dir);
      try (ExporterJvm exporter =
          ExporterJvm.start(
              dir,
              api.url(),
              namespace,
              config,
              Map.of("SLACK_WEBHOOK_URL", slack.baseUrl() + SLACK_PATH))) {
        Duration ready = exporter.awaitReady(Duration.ofSeconds(60));
        System.out.printf(
            "ready after %d ms, RSS %.1f MiB%n", ready.toMillis(), exporter.rssKiB() / 1024.0);
        AtomicLong peakRss = new AtomicLong(exporter.rssKiB());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
            () -> {
              try {
                peakRss.accumulateAndGet(exporter.rssKiB(), Math::max);
              } catch (Exception processGone) {
                // Reported by the scrape that follows.
              }
            },
            0,
            200,
            TimeUnit.MILLISECONDS);

        long started = System.nanoTime();
        create(api, namespace);
        Duration creation = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
            "created %,d Events in %.1f s (%,.0f/s); %,d not yet streamed to the watch%n",
            EVENTS,
            creation.toMillis() / 1000.0,
            EVENTS / (creation.toMillis() / 1000.0),
            api.pending());

        Counters counters = awaitSettled(exporter, EVENTS, Duration.ofMinutes(5));
        Duration settled = Duration.ofNanos(System.nanoTime() - started);
        int messages =
            slack
                .countRequestsMatching(postRequestedFor(urlEqualTo(SLACK_PATH)).build())
                .getCount();
        sampler.shutdownNow();
        long deliveries =
            counters.sent
                + counters.digested
                + counters.dropped
                + counters.suppressed
                + counters.failed;
        System.out.printf("settled %.1f s after the first creation%n", settled.toMillis() / 1000.0);
        System.out.printf(
            "events received (dbprovision_exporter_events_received_total{type=Warning}): %,d"
                + " of %,d created%n",
            counters.received, EVENTS);
        System.out.printf(
            "dbprovision_events_total (sum over objects and reasons):                 %,d%n",
            counters.occurrences);
        System.out.printf(
            "deliveries{receiver=slack}: sent %,d + digested %,d + dropped %,d + suppressed %,d"
                + " + failed %,d = %,d (%s)%n",
            counters.sent,
            counters.digested,
            counters.dropped,
            counters.suppressed,
            counters.failed,
            deliveries,
            deliveries == counters.received ? "every event accounted for" : "MISMATCH");
        System.out.printf(
            "Slack messages received by WireMock: %d (target about 70 or fewer)%n", messages);
        System.out.printf(
            "peak RSS: sampled every 200 ms %.1f MiB, VmHWM %.1f MiB (target <= 256 MiB)%n",
            peakRss.get() / 1024.0, exporter.peakRssKiB() / 1024.0);
      }
    } finally {
      slack.stop();
    }
  }

  /** Creates the storm, paced evenly over the creation window. */
  private static void create(StormApiServer api, String namespace) throws InterruptedException {
    List<CatalogEvent> warnings =
        CatalogEvent.of(ResourceKind.DATABASE_INSTANCE).stream()
            .filter(row -> row.type() == EventType.Warning)
            .toList();
    long start = System.nanoTime();
    long spacing = CREATION_WINDOW.toNanos() / EVENTS;
    for (int i = 0; i < EVENTS; i++) {
      long wait = start + i * spacing - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      CatalogEvent row = warnings.get(i % warnings.size());
      String object = "pg-" + (i % OBJECTS);
      String now = Instant.now().toString();
      api.create(
          new EventBuilder()
              .withNewMetadata()
              .withName(object + ".storm-" + i)
              .withNamespace(namespace)
              .endMetadata()
              .withNewInvolvedObject()
              .withApiVersion(ResourceKind.API_VERSION)
              .withKind(ResourceKind.DATABASE_INSTANCE.kind())
              .withNamespace(namespace)
              .withName(object)
              .endInvolvedObject()
              .withReason(row.reason())
              .withMessage(row.description() + " (storm " + i + ")")
              .withType("Warning")
              .withCount(1)
              .withFirstTimestamp(now)
              .withLastTimestamp(now)
              .withNewSource()
              .withComponent("db-provision-operator")
              .endSource()
              .build());
    }
  }

  private record Counters(
      long received,
      long occurrences,
      long sent,
      long digested,
      long dropped,
      long suppressed,
      long failed,
      long queued) {
    static Counters of(Scrape scrape) {
      long occurrences =
          Math.round(
              scrape.samples.entrySet().stream()
                  .filter(e -> e.getKey().startsWith("dbprovision_events_total{"))
                  .mapToDouble(Map.Entry::getValue)
                  .sum());
      return new Counters(
          value(
              scrape,
              Scrape.series("dbprovision_exporter_events_received_total", "type", "Warning")),
          occurrences,
          delivered(scrape, "sent"),
          delivered(scrape, "digested"),
          delivered(scrape, "dropped"),
          delivered(scrape, "suppressed"),
          delivered(scrape, "failed"),
          value(scrape, Scrape.series("dbprovision_exporter_queue_depth", "receiver", "slack")));
    }

    private static long delivered(Scrape scrape, String outcome) {
      return value(
          scrape,
          Scrape.series(
              "dbprovision_exporter_deliveries_total", "receiver", "slack", "outcome", outcome));
    }

    private static long value(Scrape scrape, String series) {
      return Math.round(scrape.samples.getOrDefault(series, 0.0));
    }

    long accounted() {
      return sent + digested + dropped + suppressed + failed;
    }
  }

  /** Waits until every created Event was received and has its delivery outcome. */
  private static Counters awaitSettled(ExporterJvm exporter, long created, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastReport = 0;
    Counters counters = Counters.of(exporter.scrape());
    while (System.nanoTime() < deadline) {
      counters = Counters.of(exporter.scrape());
      if (counters.received >= created && counters.accounted() >= counters.received) {
        return counters;
      }
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
        lastReport = System.nanoTime();
        System.out.printf(
            "  ... received %,d, accounted %,d, queued %,d, RSS %.1f MiB%n",
            counters.received, counters.accounted(), counters.queued, exporter.rssKiB() / 1024.0);
      }
      Thread.sleep(500);
    }
    System.out.println("NOT SETTLED within " + timeout + "; see " + exporter.log());
    return counters;
  }
}
