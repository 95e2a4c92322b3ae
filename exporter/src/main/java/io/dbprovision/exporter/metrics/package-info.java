/**
 * Prometheus metrics of the exporter (prometheus-metrics 1.x, text and OpenMetrics on {@code
 * /metrics}).
 *
 * <p>Decisions: counters count occurrences, start at 0 with the process and are never seeded from
 * an Event's {@code count} (a restart would count twice); per-object labels exist only for the
 * operator's own kinds, whose objects are a bounded set, never for Pods and other cluster kinds.
 * Label values never carry messages, uids or times. Series of deleted objects are removed after
 * {@code metrics.deletedObjectGracePeriod}; the caller runs {@link
 * io.dbprovision.exporter.metrics.ExporterMetrics#removeExpiredSeries()} periodically.
 */
package io.dbprovision.exporter.metrics;
