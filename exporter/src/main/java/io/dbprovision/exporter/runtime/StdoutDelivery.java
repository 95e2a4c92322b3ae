package io.dbprovision.exporter.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.health.HealthCheck;
import io.dbprovision.exporter.pipeline.Decision;
import io.dbprovision.exporter.pipeline.Dispatcher;
import io.dbprovision.exporter.pipeline.PayloadRenderer;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of a build without the delivery engine: {@code stdout} receivers print one JSON line
 * per decision (their rendered payload); a configuration with any other sink is refused at start
 * rather than accepted and silently not delivered.
 */
public final class StdoutDelivery implements Delivery, Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(StdoutDelivery.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PayloadRenderer renderer;
  private final PrintStream out;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  StdoutDelivery(PayloadRenderer renderer, PrintStream out) {
    this.renderer = renderer;
    this.out = out;
  }

  /** A {@link DeliveryFactory}: refuses a configuration this build cannot deliver. */
  public static Delivery create(ExporterConfig config, PayloadRenderer renderer) {
    List<String> undeliverable =
        config.receivers().stream()
            .filter(r -> !(r.sink() instanceof Sink.Stdout))
            .map(r -> "'" + r.name() + "' (" + r.sink().kind() + ")")
            .toList();
    if (!undeliverable.isEmpty()) {
      throw new IllegalArgumentException(
          "this build delivers to stdout receivers only; it cannot deliver to "
              + String.join(", ", undeliverable));
    }
    return new StdoutDelivery(renderer, System.out);
  }

  @Override
  public void dispatch(Decision decision) {
    for (ReceiverConfig receiver : decision.receivers()) {
      if (!(receiver.sink() instanceof Sink.Stdout)) {
        if (refused.add(receiver.name())) {
          LOG.warn(
              "receiver {} ({}) is not delivered by this build; its notifications are dropped",
              receiver.name(),
              receiver.sink().kind());
        }
        continue;
      }
      try {
        String line = JSON.writeValueAsString(decision.payloadFor(receiver, renderer));
        synchronized (out) {
          out.println(line);
        }
      } catch (JsonProcessingException e) {
        LOG.warn(
            "receiver {}: cannot write the payload as JSON: {}",
            receiver.name(),
            e.getOriginalMessage());
      }
    }
  }

  @Override
  public Dispatcher dispatcher() {
    return this;
  }

  @Override
  public HealthCheck workers() {
    return HealthCheck.OK;
  }

  @Override
  public void close() {
    out.flush();
  }
}
