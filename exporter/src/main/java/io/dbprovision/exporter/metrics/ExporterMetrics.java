package io.dbprovision.exporter.metrics;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.exporter.config.MetricsConfig;
import io.dbprovision.exporter.normalize.DiscardCause;
import io.dbprovision.exporter.normalize.EventRecord;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of the watch-to-route half of the exporter.
 *
 * <p>{@code dbprovision_events_total} counts occurrences of the operator's events (involved object
 * in group {@value ResourceKind#GROUP}), labelled by object; {@code kubernetes_events_total} is the
 * same with the name the events reference's alert examples use. Every operator object the exporter
 * learns of gets its kind's catalog series at 0, so that {@code increase(...) > 0} sees the first
 * occurrence; when the object is deleted its series are removed after a grace period (long enough
 * for a last scrape of its final events). Events of other kinds only count in {@code
 * dbprovision_exporter_events_received_total{type}}: no per-object labels for Pods and the like.
 */
public final class ExporterMetrics {
  static final String[] EVENT_LABELS = {
    "namespace", "involved_object_kind", "involved_object_name", "reason", "type"
  };

  private final Clock clock;
  private final MetricsConfig config;
  private final Counter events;
  private final Counter compatEvents;
  private final Counter received;
  private final Counter discarded;
  private final Counter watchErrors;
  private final Counter configReloads;
  private final Gauge lastEvent;
  private final Counter deliveries;
  private final Counter deliveryAttempts;
  private final Histogram deliveryDuration;
  private final Gauge queueDepth;

  /** The Go tool's metrics under {@code metricsNamePrefix}; null without a prefix. */
  private final GoToolMetrics goTool;

  private final Set<ObjectKey> liveObjects = ConcurrentHashMap.newKeySet();
  private final Map<ObjectKey, Instant> removals = new ConcurrentHashMap<>();

  /** An operator object whose series we keep. */
  private record ObjectKey(String kind, String namespace, String name) {}

  /** Without the Go tool's metrics (no {@code metricsNamePrefix}). */
  public ExporterMetrics(
      PrometheusRegistry registry, MetricsConfig config, Clock clock, String version) {
    this(registry, config, "", clock, version);
  }

  /**
   * @param metricsNamePrefix the Go tool's {@code metricsNamePrefix}: when set, that tool's own
   *     metrics are exposed under it too ({@link GoToolMetrics}); the {@code dbprovision_*} and
   *     {@code kubernetes_events_total} names are fixed by contract and never prefixed
   */
  public ExporterMetrics(
      PrometheusRegistry registry,
      MetricsConfig config,
      String metricsNamePrefix,
      Clock clock,
      String version) {
    this.clock = clock;
    this.goTool =
        metricsNamePrefix.isEmpty()
            ? null
            : new GoToolMetrics(registry, metricsNamePrefix, version);
    this.config = config;
    this.events =
        Counter.builder()
            .name("dbprovision_events_total")
            .help("Occurrences of the operator's Kubernetes Events, by object, reason and type")
            .labelNames(EVENT_LABELS)
            .register(registry);
    this.compatEvents =
        config.compatKubernetesEventsTotal()
            ? Counter.builder()
                .name("kubernetes_events_total")
                .help("Compatibility copy of dbprovision_events_total")
                .labelNames(EVENT_LABELS)
                .register(registry)
            : null;
    this.received =
        Counter.builder()
            .name("dbprovision_exporter_events_received_total")
            .help("Occurrences of Kubernetes Events of any kind the exporter processed, by type")
            .labelNames("type")
            .register(registry);
    this.discarded =
        Counter.builder()
            .name("dbprovision_exporter_events_discarded_total")
            .help("Events the exporter could not process, by cause")
            .labelNames("cause")
            .register(registry);
    this.watchErrors =
        Counter.builder()
            .name("dbprovision_exporter_watch_errors_total")
            .help("Errors of the watch on Events")
            .register(registry);
    this.configReloads =
        Counter.builder()
            .name("dbprovision_exporter_config_reloads_total")
            .help("Configuration reload attempts, by result")
            .labelNames("result")
            .register(registry);
    this.lastEvent =
        Gauge.builder()
            .name("dbprovision_exporter_last_event_timestamp_seconds")
            .help("When the exporter last processed an Event (Unix time)")
            .register(registry);
    this.deliveries =
        Counter.builder()
            .name("dbprovision_exporter_deliveries_total")
            .help("Events handed to a receiver, by how each ended")
            .labelNames("receiver", "outcome")
            .register(registry);
    this.deliveryAttempts =
        Counter.builder()
            .name("dbprovision_exporter_delivery_attempts_total")
            .help("Send attempts to a receiver, retries included")
            .labelNames("receiver")
            .register(registry);
    this.deliveryDuration =
        Histogram.builder()
            .name("dbprovision_exporter_delivery_duration_seconds")
            .help("Time from a message leaving the queue to its outcome, retries included")
            .labelNames("receiver")
            .register(registry);
    this.queueDepth =
        Gauge.builder()
            .name("dbprovision_exporter_queue_depth")
            .help("Events waiting in a receiver's queue")
            .labelNames("receiver")
            .register(registry);
    Info buildInfo =
        Info.builder()
            .name("dbprovision_exporter_build_info")
            .help("The exporter's version")
            .labelNames("version")
            .register(registry);
    buildInfo.setLabelValues(version);

    for (String type : List.of("Normal", "Warning")) {
      received.initLabelValues(type);
    }
    for (DiscardCause cause : DiscardCause.values()) {
      discarded.initLabelValues(cause.label());
    }
    configReloads.initLabelValues("success");
    configReloads.initLabelValues("error");
  }

  /** Counts the occurrences one Event stands for (none is a no-op). */
  public void recordOccurrences(EventRecord event, int occurrences) {
    lastEvent.set(clock.instant().toEpochMilli() / 1000.0);
    if (occurrences <= 0) {
      return;
    }
    received.labelValues(event.type()).inc(occurrences);
    if (goTool != null) {
      goTool.eventSent();
    }
    Optional<ResourceKind> kind = operatorKind(event);
    if (kind.isEmpty()) {
      return;
    }
    ObjectKey key =
        new ObjectKey(
            kind.get().kind(), event.involvedObject().namespace(), event.involvedObject().name());
    if (!liveObjects.contains(key)) {
      // An object we do not (or no longer) know: its series go away like a deleted object's.
      removals.putIfAbsent(key, clock.instant().plus(config.deletedObjectGracePeriod()));
    }
    String[] labels = {key.namespace(), key.kind(), key.name(), event.reason(), event.type()};
    events.labelValues(labels).inc(occurrences);
    if (compatEvents != null) {
      compatEvents.labelValues(labels).inc(occurrences);
    }
  }

  /**
   * An operator object exists: its kind's catalog series exist from now on, at 0 until the first
   * occurrence; a pending removal is cancelled.
   */
  public void objectPresent(ResourceKind kind, String namespace, String name) {
    ObjectKey key = new ObjectKey(kind.kind(), namespace, name);
    removals.remove(key);
    if (!liveObjects.add(key)) {
      return;
    }
    for (CatalogEvent row : CatalogEvent.of(kind)) {
      String[] labels = {namespace, kind.kind(), name, row.reason(), row.type().name()};
      events.initLabelValues(labels);
      if (compatEvents != null) {
        compatEvents.initLabelValues(labels);
      }
    }
  }

  /** An operator object is gone: its series are removed once the grace period has passed. */
  public void objectDeleted(ResourceKind kind, String namespace, String name) {
    ObjectKey key = new ObjectKey(kind.kind(), namespace, name);
    liveObjects.remove(key);
    removals.put(key, clock.instant().plus(config.deletedObjectGracePeriod()));
  }

  /** Removes the series whose grace period is over; returns how many objects were dropped. */
  public int removeExpiredSeries() {
    Instant now = clock.instant();
    List<ObjectKey> expired = new ArrayList<>();
    removals.forEach(
        (key, deadline) -> {
          if (!now.isBefore(deadline)) {
            expired.add(key);
          }
        });
    int removed = 0;
    for (ObjectKey key : expired) {
      // An object that came (back) to life while its removal was pending keeps its series.
      if (removals.remove(key) == null || liveObjects.contains(key)) {
        continue;
      }
      removed++;
      events.removeIf(labels -> isOf(key, labels));
      if (compatEvents != null) {
        compatEvents.removeIf(labels -> isOf(key, labels));
      }
    }
    return removed;
  }

  /**
   * A receiver exists: its delivery series exist from now on, at 0.
   *
   * @param outcomes every outcome label delivery can report
   */
  public void receiverConfigured(String receiver, List<String> outcomes) {
    for (String outcome : outcomes) {
      deliveries.initLabelValues(receiver, outcome);
    }
    deliveryAttempts.initLabelValues(receiver);
    deliveryDuration.initLabelValues(receiver);
    queueDepth.labelValues(receiver).set(0);
  }

  /** {@code count} events handed to {@code receiver} ended in {@code outcome}. */
  public void delivered(String receiver, String outcome, long count) {
    if (count > 0) {
      deliveries.labelValues(receiver, outcome).inc(count);
      if (goTool != null && outcome.equals("failed")) {
        goTool.sendFailed(count);
      }
    }
  }

  public void deliveryAttempted(String receiver) {
    deliveryAttempts.labelValues(receiver).inc();
  }

  public void deliveryTook(String receiver, double seconds) {
    deliveryDuration.labelValues(receiver).observe(seconds);
  }

  public void queueDepth(String receiver, int depth) {
    queueDepth.labelValues(receiver).set(depth);
  }

  public void discarded(DiscardCause cause) {
    discarded.labelValues(cause.label()).inc();
    if (goTool != null) {
      goTool.discarded();
    }
  }

  public void watchError() {
    watchErrors.inc();
    if (goTool != null) {
      goTool.watchError();
    }
  }

  /** An involved object's metadata was read from the cache ({@code kube_api_read_cache_hits}). */
  public void metadataCacheHit() {
    if (goTool != null) {
      goTool.cacheHit();
    }
  }

  /** An involved object's metadata was read from the API server ({@code ..._cache_misses}). */
  public void metadataCacheMiss() {
    if (goTool != null) {
      goTool.cacheMiss();
    }
  }

  /**
   * @param result {@code success} or {@code error}
   */
  public void configReloaded(String result) {
    configReloads.labelValues(result).inc();
  }

  private static boolean isOf(ObjectKey key, List<String> labels) {
    return labels.get(0).equals(key.namespace())
        && labels.get(1).equals(key.kind())
        && labels.get(2).equals(key.name());
  }

  private static Optional<ResourceKind> operatorKind(EventRecord event) {
    if (!event.involvedObject().group().equals(ResourceKind.GROUP)) {
      return Optional.empty();
    }
    return ResourceKind.fromKind(event.involvedObject().kind());
  }
}
