package io.dbprovision.exporter.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A watch is stalled when, for the stall timeout, no Event change was processed and the watch was
 * never seen open. Fabric8 reconnects a broken watch by itself; this check catches the case where
 * it cannot, so that the kubelet restarts the process.
 */
public final class WatchStall implements HealthCheck {
  private final Clock clock;
  private final Duration timeout;
  private final LongSupplier processed;
  private final BooleanSupplier watching;
  private long lastProcessed;
  private Instant lastActivity;

  /**
   * @param processed how many changes the pipeline has processed so far
   * @param watching whether the watch is open now
   */
  public WatchStall(
      Clock clock, Duration timeout, LongSupplier processed, BooleanSupplier watching) {
    this.clock = clock;
    this.timeout = timeout;
    this.processed = processed;
    this.watching = watching;
    this.lastActivity = clock.instant();
    this.lastProcessed = processed.getAsLong();
  }

  @Override
  public synchronized Optional<String> problem() {
    Instant now = clock.instant();
    long count = processed.getAsLong();
    if (count != lastProcessed || watching.getAsBoolean()) {
      lastProcessed = count;
      lastActivity = now;
      return Optional.empty();
    }
    Duration quiet = Duration.between(lastActivity, now);
    return quiet.compareTo(timeout) > 0
        ? Optional.of(
            "watch stalled: no Event processed and the watch not open for "
                + quiet.toSeconds()
                + "s")
        : Optional.empty();
  }
}
