package io.dbprovision.exporter.config;

import java.time.Duration;

/**
 * {@code metrics} (our extension).
 *
 * @param compatKubernetesEventsTotal also expose {@code kubernetes_events_total}, the name the
 *     alert examples of the events reference use
 * @param deletedObjectGracePeriod how long the series of a deleted operator object stay exposed, so
 *     that a last increase (its {@code Deleted} event) is still scraped
 */
public record MetricsConfig(
    boolean compatKubernetesEventsTotal, Duration deletedObjectGracePeriod) {
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofMinutes(10);

  public static MetricsConfig defaults() {
    return new MetricsConfig(true, DEFAULT_GRACE_PERIOD);
  }
}
