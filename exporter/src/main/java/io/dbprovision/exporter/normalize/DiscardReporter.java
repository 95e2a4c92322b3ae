package io.dbprovision.exporter.normalize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for Events that are not processed: every one is counted, and each cause is logged at
 * most once per interval (with how many were suppressed since), so a stream of bad Events cannot
 * flood the log.
 */
public final class DiscardReporter {
  private static final Logger LOG = LoggerFactory.getLogger(DiscardReporter.class);

  private final Clock clock;
  private final Duration interval;
  private final Consumer<DiscardCause> counter;
  private final Map<DiscardCause, Instant> lastLogged = new EnumMap<>(DiscardCause.class);
  private final Map<DiscardCause, Integer> suppressed = new EnumMap<>(DiscardCause.class);

  /**
   * @param counter counts each discard (the {@code events_discarded_total} metric)
   */
  public DiscardReporter(Clock clock, Duration interval, Consumer<DiscardCause> counter) {
    this.clock = clock;
    this.interval = interval;
    this.counter = counter;
  }

  /** A reporter that logs each cause at most once a minute. */
  public static DiscardReporter perMinute(Clock clock, Consumer<DiscardCause> counter) {
    return new DiscardReporter(clock, Duration.ofMinutes(1), counter);
  }

  /**
   * @param detail names the Event (namespace/name), never its message
   */
  public synchronized void discarded(DiscardCause cause, String detail) {
    counter.accept(cause);
    Instant now = clock.instant();
    Instant last = lastLogged.get(cause);
    if (last != null && now.isBefore(last.plus(interval))) {
      suppressed.merge(cause, 1, Integer::sum);
      return;
    }
    lastLogged.put(cause, now);
    Integer skipped = suppressed.remove(cause);
    if (skipped == null) {
      LOG.warn("discarded an Event ({}): {}", cause.label(), detail);
    } else {
      LOG.warn(
          "discarded an Event ({}): {}; {} more with this cause since the last report",
          cause.label(),
          detail,
          skipped);
    }
  }
}
