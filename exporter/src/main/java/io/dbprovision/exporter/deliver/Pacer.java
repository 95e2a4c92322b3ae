package io.dbprovision.exporter.deliver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces the messages to one destination (a Slack channel or webhook) at least {@code interval}
 * apart, and holds them all while the destination asked to be left alone ({@code Retry-After}).
 * Shared by every receiver that posts to the same destination.
 *
 * <p>Hand-written rather than Failsafe's {@code RateLimiter}: that one reads {@code
 * System.nanoTime} directly, so tests could not drive it with a clock, and it has no way to pause
 * on a server's {@code Retry-After}.
 */
final class Pacer {
  private final Clock clock;
  private final Duration interval;
  private Instant next = Instant.MIN;

  Pacer(Clock clock, Duration interval) {
    this.clock = clock;
    this.interval = interval;
  }

  /** Waits for this destination's next slot and takes it. */
  void acquire(Sleeper sleeper) throws InterruptedException {
    Duration wait;
    synchronized (this) {
      Instant now = clock.instant();
      Instant slot = next.isAfter(now) ? next : now;
      next = slot.plus(interval);
      wait = Duration.between(now, slot);
    }
    if (!wait.isZero() && !wait.isNegative()) {
      sleeper.sleep(wait);
    }
  }

  /** Nothing goes to the destination before {@code until}. */
  synchronized void pauseUntil(Instant until) {
    if (until.isAfter(next)) {
      next = until;
    }
  }
}
