package io.dbprovision.exporter.deliver;

import dev.failsafe.spi.Scheduler;
import io.dbprovision.exporter.config.DeliveryConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.receiver.Receiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery for all receivers: the pipeline hands each routed event over with {@link #submit}, which
 * never blocks on the network. Every event handed to a receiver ends in exactly one outcome of
 * {@code dbprovision_exporter_deliveries_total{receiver,outcome}}.
 */
public final class Deliveries implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

  private final Map<String, ReceiverLane> lanes = new LinkedHashMap<>();
  private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();
  private final ExporterMetrics metrics;
  private final Duration drainTimeout;

  /**
   * Builds and starts one lane per receiver.
   *
   * @param receiverFactory builds a receiver from its configuration (see {@code
   *     io.dbprovision.exporter.receiver.Receivers})
   * @param sleeper waits for pacing ({@link Sleeper#REAL} in production)
   * @param scheduler runs retries after their delay ({@link Scheduler#DEFAULT} in production)
   */
  public Deliveries(
      List<ReceiverConfig> receivers,
      Function<ReceiverConfig, Receiver> receiverFactory,
      DeliveryConfig config,
      ExporterMetrics metrics,
      Clock clock,
      Sleeper sleeper,
      Scheduler scheduler) {
    this.metrics = metrics;
    this.drainTimeout = config.drainTimeout();
    Map<String, Pacer> pacers = new LinkedHashMap<>();
    for (ReceiverConfig receiverConfig : receivers) {
      Receiver receiver = receiverFactory.apply(receiverConfig);
      Pacer pacer =
          receiver
              .pacingKey()
              .map(
                  key -> pacers.computeIfAbsent(key, k -> new Pacer(clock, config.slackInterval())))
              .orElseGet(() -> new Pacer(clock, Duration.ZERO));
      lanes.put(
          receiverConfig.name(),
          new ReceiverLane(
              receiver,
              new NotifyGate(receiverConfig.notifyPolicy(), clock),
              pacer,
              config,
              metrics,
              clock,
              sleeper,
              scheduler));
    }
    lanes.values().forEach(ReceiverLane::start);
  }

  /** Production wiring: real waits, Failsafe's default scheduler, the system clock. */
  public static Deliveries start(
      List<ReceiverConfig> receivers,
      Function<ReceiverConfig, Receiver> receiverFactory,
      DeliveryConfig config,
      ExporterMetrics metrics) {
    return new Deliveries(
        receivers,
        receiverFactory,
        config,
        metrics,
        Clock.systemUTC(),
        Sleeper.REAL,
        Scheduler.DEFAULT);
  }

  /** Hands a routed event to each of its receivers (names from the router). */
  public void submit(EventRecord event, Collection<String> receivers) {
    for (String name : receivers) {
      ReceiverLane lane = lanes.get(name);
      if (lane == null) {
        // The config loader rejects routes to undefined receivers; this is a wiring bug.
        if (warnedUnknown.add(name)) {
          LOG.warn("No receiver named {}; its events are dropped", name);
        }
        metrics.delivered(name, Outcome.DROPPED.label(), 1);
        continue;
      }
      lane.submit(event);
    }
  }

  /** Whether every receiver's worker is running (for {@code /healthz}). */
  public boolean workersAlive() {
    return lanes.values().stream().allMatch(ReceiverLane::isAlive);
  }

  /**
   * Stops taking events and drains every queue until the drain deadline; what is left is counted as
   * dropped.
   */
  @Override
  public void close() {
    Instant deadline = Instant.now().plus(drainTimeout);
    for (ReceiverLane lane : lanes.values()) {
      try {
        if (!lane.drain(deadline)) {
          LOG.warn("Receiver {}: worker did not stop in time", lane.name());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
