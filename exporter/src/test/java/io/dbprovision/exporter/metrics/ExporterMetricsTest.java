package io.dbprovision.exporter.metrics;

import static io.dbprovision.exporter.metrics.Scrape.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.exporter.config.MetricsConfig;
import io.dbprovision.exporter.normalize.DiscardCause;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.TestEvents;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExporterMetricsTest {
  private static final String API = ResourceKind.API_VERSION;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private MetricsServer server;

  private ExporterMetrics metrics(MetricsConfig config) throws Exception {
    ExporterMetrics metrics = new ExporterMetrics(registry, config, clock, "1.2.3");
    server = MetricsServer.start("127.0.0.1:0", registry);
    return metrics;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static EventRecord driftOnOrders() {
    return TestEvents.event()
        .namespace("apps")
        .involved(API, "Database", "orders")
        .reason("DriftDetected")
        .type("Warning")
        .build();
  }

  private static String eventSeries(String name, String reason, String type) {
    return series(
        name,
        "namespace",
        "apps",
        "involved_object_kind",
        "Database",
        "involved_object_name",
        "orders",
        "reason",
        reason,
        "type",
        type);
  }

  @Test
  void countsOccurrencesOfOperatorEventsInBothNamesOverHttp() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());

    metrics.recordOccurrences(driftOnOrders(), 1);
    metrics.recordOccurrences(driftOnOrders(), 3);

    Scrape scrape = Scrape.of(server.port());
    assertThat(scrape.contentType).startsWith("text/plain");
    assertThat(scrape.samples)
        .containsEntry(eventSeries("dbprovision_events_total", "DriftDetected", "Warning"), 4.0)
        .containsEntry(eventSeries("kubernetes_events_total", "DriftDetected", "Warning"), 4.0)
        .containsEntry(series("dbprovision_exporter_events_received_total", "type", "Warning"), 4.0)
        .containsEntry(series("dbprovision_exporter_events_received_total", "type", "Normal"), 0.0)
        .containsEntry(
            "dbprovision_exporter_last_event_timestamp_seconds",
            (double) clock.instant().getEpochSecond());
    assertThat(scrape.body).contains("# TYPE dbprovision_events_total counter");
  }

  @Test
  void leavesOutTheCompatibilityCopyWhenSwitchedOff() throws Exception {
    ExporterMetrics metrics = metrics(new MetricsConfig(false, Duration.ofMinutes(10)));

    metrics.recordOccurrences(driftOnOrders(), 1);

    assertThat(Scrape.of(server.port()).body)
        .contains("dbprovision_events_total")
        .doesNotContain("kubernetes_events_total");
  }

  @Test
  void countsOtherKindsOnlyByTypeWithoutObjectLabels() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());

    metrics.recordOccurrences(
        TestEvents.event().involved("v1", "Pod", "web-1").type("Warning").build(), 2);
    metrics.recordOccurrences(
        TestEvents.event().involved("other.io/v1", "Database", "lookalike").build(), 1);

    Scrape scrape = Scrape.of(server.port());
    assertThat(scrape.samples)
        .containsEntry(series("dbprovision_exporter_events_received_total", "type", "Warning"), 2.0)
        .containsEntry(series("dbprovision_exporter_events_received_total", "type", "Normal"), 1.0);
    assertThat(scrape.body).doesNotContain("web-1").doesNotContain("lookalike");
  }

  @Test
  void precreatesTheCatalogSeriesOfEveryKnownObjectAtZero() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());

    metrics.objectPresent(ResourceKind.DATABASE, "apps", "orders");

    Scrape scrape = Scrape.of(server.port());
    for (CatalogEvent row : CatalogEvent.of(ResourceKind.DATABASE)) {
      assertThat(scrape.samples)
          .containsEntry(
              eventSeries("dbprovision_events_total", row.reason(), row.type().name()), 0.0)
          .containsEntry(
              eventSeries("kubernetes_events_total", row.reason(), row.type().name()), 0.0);
    }
    assertThat(
            scrape.samples.keySet().stream().filter(s -> s.startsWith("dbprovision_events_total{")))
        .hasSize(CatalogEvent.of(ResourceKind.DATABASE).size());
  }

  @Test
  void removesTheSeriesOfADeletedObjectAfterTheGracePeriod() throws Exception {
    ExporterMetrics metrics = metrics(new MetricsConfig(true, Duration.ofMinutes(10)));
    metrics.objectPresent(ResourceKind.DATABASE, "apps", "orders");
    metrics.objectPresent(ResourceKind.DATABASE, "apps", "billing");
    metrics.recordOccurrences(driftOnOrders(), 2);

    metrics.objectDeleted(ResourceKind.DATABASE, "apps", "orders");
    clock.advance(Duration.ofMinutes(9));
    assertThat(metrics.removeExpiredSeries()).isZero();
    assertThat(Scrape.of(server.port()).samples)
        .containsEntry(eventSeries("dbprovision_events_total", "DriftDetected", "Warning"), 2.0);

    clock.advance(Duration.ofMinutes(1));
    assertThat(metrics.removeExpiredSeries()).isEqualTo(1);

    Scrape scrape = Scrape.of(server.port());
    assertThat(scrape.body).doesNotContain("involved_object_name=\"orders\"");
    assertThat(scrape.samples)
        .containsKey(
            series(
                "dbprovision_events_total",
                "namespace",
                "apps",
                "involved_object_kind",
                "Database",
                "involved_object_name",
                "billing",
                "reason",
                "Created",
                "type",
                "Normal"));
  }

  @Test
  void keepsTheSeriesOfAnObjectRecreatedWithinTheGracePeriod() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());
    metrics.objectPresent(ResourceKind.DATABASE, "apps", "orders");

    metrics.objectDeleted(ResourceKind.DATABASE, "apps", "orders");
    clock.advance(Duration.ofMinutes(5));
    metrics.objectPresent(ResourceKind.DATABASE, "apps", "orders");
    clock.advance(Duration.ofHours(1));

    assertThat(metrics.removeExpiredSeries()).isZero();
    assertThat(Scrape.of(server.port()).samples)
        .containsKey(eventSeries("dbprovision_events_total", "Created", "Normal"));
  }

  @Test
  void eventuallyRemovesTheSeriesOfObjectsItNeverSawAlive() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());
    metrics.recordOccurrences(driftOnOrders(), 1);

    clock.advance(MetricsConfig.DEFAULT_GRACE_PERIOD);

    assertThat(metrics.removeExpiredSeries()).isEqualTo(1);
    assertThat(Scrape.of(server.port()).body).doesNotContain("orders");
  }

  @Test
  void exposesTheSelfMetricsFromTheStart() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());

    metrics.discarded(DiscardCause.UNKNOWN_TYPE);
    metrics.watchError();
    metrics.watchError();
    metrics.configReloaded("error");

    Scrape scrape = Scrape.of(server.port());
    assertThat(scrape.samples)
        .containsEntry(
            series("dbprovision_exporter_events_discarded_total", "cause", "unknown_type"), 1.0)
        .containsEntry(
            series("dbprovision_exporter_events_discarded_total", "cause", "queue_full"), 0.0)
        .containsEntry(
            series(
                "dbprovision_exporter_events_discarded_total", "cause", "missing_involved_object"),
            0.0)
        .containsEntry("dbprovision_exporter_watch_errors_total", 2.0)
        .containsEntry(series("dbprovision_exporter_config_reloads_total", "result", "error"), 1.0)
        .containsEntry(
            series("dbprovision_exporter_config_reloads_total", "result", "success"), 0.0)
        .containsEntry(series("dbprovision_exporter_build_info", "version", "1.2.3"), 1.0);
  }

  @Test
  void metricsNamePrefixExposesTheGoToolsOwnMetricsUnderIt() throws Exception {
    ExporterMetrics metrics =
        new ExporterMetrics(registry, MetricsConfig.defaults(), "event_exporter_", clock, "1.2.3");
    server = MetricsServer.start("127.0.0.1:0", registry);

    metrics.recordOccurrences(driftOnOrders(), 3);
    metrics.recordOccurrences(driftOnOrders(), 0);
    metrics.discarded(DiscardCause.UNKNOWN_TYPE);
    metrics.watchError();
    metrics.delivered("slack", "failed", 2);
    metrics.delivered("slack", "sent", 5);
    metrics.metadataCacheHit();
    metrics.metadataCacheMiss();
    metrics.metadataCacheMiss();
    Scrape scrape = Scrape.of(server.port());

    assertThat(scrape.samples)
        .containsEntry(series("event_exporter_build_info", "version", "1.2.3"), 1.0)
        .containsEntry("event_exporter_events_sent_total", 1.0)
        .containsEntry("event_exporter_events_discarded_total", 1.0)
        .containsEntry("event_exporter_watch_errors_total", 1.0)
        .containsEntry("event_exporter_send_event_errors_total", 2.0)
        .containsEntry("event_exporter_kube_api_read_cache_hits_total", 1.0)
        .containsEntry("event_exporter_kube_api_read_cache_misses_total", 2.0)
        .as("our names are fixed by contract, never prefixed")
        .containsEntry(eventSeries("dbprovision_events_total", "DriftDetected", "Warning"), 3.0)
        .containsEntry(eventSeries("kubernetes_events_total", "DriftDetected", "Warning"), 3.0)
        .containsEntry("dbprovision_exporter_watch_errors_total", 1.0);
  }

  @Test
  void withoutMetricsNamePrefixNoneOfTheGoToolsMetricsIsExposed() throws Exception {
    ExporterMetrics metrics = metrics(MetricsConfig.defaults());
    metrics.watchError();

    assertThat(Scrape.of(server.port()).samples.keySet())
        .noneMatch(name -> name.startsWith("watch_errors") || name.startsWith("events_sent"))
        .noneMatch(name -> name.contains("kube_api_read_cache"))
        .contains("dbprovision_exporter_watch_errors_total");
  }
}
