package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.pipeline.PayloadRenderer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;

/**
 * Builds the delivery for a process. The receivers and their configuration come with each {@link
 * io.dbprovision.exporter.pipeline.Decision}, so a reload needs no new delivery.
 */
@FunctionalInterface
public interface DeliveryFactory {
  /**
   * @param config the configuration loaded at start
   * @param currentConfig the configuration in force (after reloads)
   * @param renderer renders what each receiver sends
   * @param registry where the delivery registers its metrics
   */
  Delivery create(
      ExporterConfig config,
      Supplier<ExporterConfig> currentConfig,
      PayloadRenderer renderer,
      PrometheusRegistry registry);
}
