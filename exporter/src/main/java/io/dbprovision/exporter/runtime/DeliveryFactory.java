package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.pipeline.PayloadRenderer;
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
   * @param metrics where the delivery counts its outcomes, attempts and queue depths
   */
  Delivery create(
      ExporterConfig config,
      Supplier<ExporterConfig> currentConfig,
      PayloadRenderer renderer,
      ExporterMetrics metrics);
}
