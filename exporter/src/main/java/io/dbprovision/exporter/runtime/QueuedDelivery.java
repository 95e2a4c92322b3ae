package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.config.DeliveryConfig;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.deliver.Deliveries;
import io.dbprovision.exporter.health.HealthCheck;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.pipeline.Decision;
import io.dbprovision.exporter.pipeline.Dispatcher;
import io.dbprovision.exporter.receiver.Receivers;
import java.io.Writer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production delivery: the pipeline's decisions go to {@link Deliveries}, one queue and worker
 * per receiver with retries, pacing, digests and the notify policy.
 *
 * <p>Each occurrence of a decision is submitted once, so an Event whose count rose by 3 is three
 * deliveries for the notify policy and digests to fold. Deliveries are built for one receiver
 * configuration; when a reload changes the receivers or the delivery settings, the next decision
 * starts new lanes and drains the old ones (the drain deadline bounds the wait).
 */
public final class QueuedDelivery implements Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(QueuedDelivery.class);

  private final Supplier<ExporterConfig> currentConfig;
  private final ExporterMetrics metrics;

  /** Builds the receivers from the cluster name and the delivery settings. */
  private final BiFunction<String, DeliveryConfig, Receivers> receivers;

  private ExporterConfig builtFor;
  private Deliveries deliveries;

  private QueuedDelivery(
      ExporterConfig initial,
      Supplier<ExporterConfig> currentConfig,
      ExporterMetrics metrics,
      BiFunction<String, DeliveryConfig, Receivers> receivers) {
    this.currentConfig = currentConfig;
    this.metrics = metrics;
    this.receivers = receivers;
    this.builtFor = initial;
    this.deliveries = start(initial);
  }

  /** A {@link DeliveryFactory} for the real delivery engine. */
  public static DeliveryFactory factory() {
    return (initial, current, renderer, metrics) ->
        new QueuedDelivery(initial, current, metrics, Receivers::standard);
  }

  /**
   * The real delivery engine, with {@code stdout} receivers writing their lines to {@code stdout}
   * instead of the process's standard output (the local demo shows them among its own output).
   */
  public static DeliveryFactory factory(Writer stdout) {
    return (initial, current, renderer, metrics) ->
        new QueuedDelivery(
            initial,
            current,
            metrics,
            (cluster, delivery) -> new Receivers(cluster, delivery, Receivers.SLACK_API, stdout));
  }

  private Deliveries start(ExporterConfig config) {
    return Deliveries.start(
        config.receivers(),
        receivers.apply(config.clusterName(), config.delivery())::create,
        config.delivery(),
        metrics);
  }

  @Override
  public Dispatcher dispatcher() {
    return this::dispatch;
  }

  private void dispatch(Decision decision) {
    Deliveries lanes = lanesFor(currentConfig.get());
    for (int i = 0; i < decision.occurrences(); i++) {
      lanes.submit(decision.event(), decision.receiverNames());
    }
  }

  /** The lanes for the configuration in force, rebuilt only when receivers or settings changed. */
  private synchronized Deliveries lanesFor(ExporterConfig config) {
    boolean changed =
        !config.receivers().equals(builtFor.receivers())
            || !config.delivery().equals(builtFor.delivery())
            || !Objects.equals(config.clusterName(), builtFor.clusterName());
    if (changed) {
      LOG.info("Receivers or delivery settings changed; starting new delivery lanes");
      Deliveries old = deliveries;
      deliveries = start(config);
      builtFor = config;
      old.close();
    }
    return deliveries;
  }

  @Override
  public HealthCheck workers() {
    return () ->
        current().workersAlive()
            ? Optional.empty()
            : Optional.of("a delivery worker has died; its receiver's events are not sent");
  }

  private synchronized Deliveries current() {
    return deliveries;
  }

  @Override
  public synchronized void close() {
    deliveries.close();
  }
}
