package io.dbprovision.exporter.receiver;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** Reads one series of a registry: a counter's or gauge's value, a histogram's count. */
public final class Metric {
  private Metric() {}

  /**
   * @param name the name as registered, without {@code _total}
   * @param labels label pairs k, v, k, v...
   * @return the value, or NaN when the series does not exist
   */
  public static double value(PrometheusRegistry registry, String name, String... labels) {
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (!snapshot.getMetadata().getName().equals(name)) {
        continue;
      }
      for (DataPointSnapshot point : snapshot.getDataPoints()) {
        boolean match = true;
        for (int i = 0; i < labels.length; i += 2) {
          match &= labels[i + 1].equals(point.getLabels().get(labels[i]));
        }
        if (!match) {
          continue;
        }
        if (point instanceof CounterSnapshot.CounterDataPointSnapshot c) {
          return c.getValue();
        }
        if (point instanceof GaugeSnapshot.GaugeDataPointSnapshot g) {
          return g.getValue();
        }
        if (point instanceof HistogramSnapshot.HistogramDataPointSnapshot h) {
          return h.getCount();
        }
      }
    }
    return Double.NaN;
  }
}
