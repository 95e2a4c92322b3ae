package io.dbprovision.exporter.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The Go kubernetes-event-exporter's own metrics, named as that tool names them under its {@code
 * metricsNamePrefix}, so that dashboards and rules written for it keep working: {@code
 * <prefix>build_info}, {@code events_sent}, {@code events_discarded}, {@code watch_errors}, {@code
 * send_event_errors}, {@code kube_api_read_cache_hits}, {@code kube_api_read_cache_misses}. The
 * counters are exposed with {@code _total}, as Prometheus stores the Go tool's counters when it
 * scrapes with OpenMetrics (its default), and carry no labels, as there.
 */
final class GoToolMetrics {
  private final Counter eventsSent;
  private final Counter eventsDiscarded;
  private final Counter watchErrors;
  private final Counter sendEventErrors;
  private final Counter cacheHits;
  private final Counter cacheMisses;

  GoToolMetrics(PrometheusRegistry registry, String prefix, String version) {
    Info.builder()
        .name(prefix + "build_info")
        .help("The exporter's version (Go kubernetes-event-exporter name)")
        .labelNames("version")
        .register(registry)
        .setLabelValues(version);
    this.eventsSent =
        counter(registry, prefix + "events_sent", "Events passed on to routing (Go tool name)");
    this.eventsDiscarded =
        counter(
            registry,
            prefix + "events_discarded",
            "Events that could not be processed (Go tool name)");
    this.watchErrors = counter(registry, prefix + "watch_errors", "Watch errors (Go tool name)");
    this.sendEventErrors =
        counter(
            registry,
            prefix + "send_event_errors",
            "Events a receiver failed to deliver, retries exhausted (Go tool name)");
    this.cacheHits =
        counter(
            registry,
            prefix + "kube_api_read_cache_hits",
            "Involved-object lookups answered from the cache (Go tool name)");
    this.cacheMisses =
        counter(
            registry,
            prefix + "kube_api_read_cache_misses",
            "Involved-object lookups that read the API server (Go tool name)");
  }

  private static Counter counter(PrometheusRegistry registry, String name, String help) {
    return Counter.builder().name(name).help(help).register(registry);
  }

  void eventSent() {
    eventsSent.inc();
  }

  void discarded() {
    eventsDiscarded.inc();
  }

  void watchError() {
    watchErrors.inc();
  }

  void sendFailed(long events) {
    sendEventErrors.inc(events);
  }

  void cacheHit() {
    cacheHits.inc();
  }

  void cacheMiss() {
    cacheMisses.inc();
  }
}
