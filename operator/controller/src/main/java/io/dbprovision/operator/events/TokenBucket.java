package io.dbprovision.operator.events;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that starts full: {@code burst} takes at once, then one more per {@code
 * refillEvery}. Time comes from the caller, so it is pure and replayable. Not thread-safe.
 */
final class TokenBucket {
  private final int burst;
  private final double refillNanos;
  private double tokens;
  private Instant last;

  TokenBucket(int burst, Duration refillEvery, Instant now) {
    this.burst = burst;
    this.refillNanos = refillEvery.toNanos();
    this.tokens = burst;
    this.last = now;
  }

  boolean tryTake(Instant now) {
    if (now.isAfter(last)) {
      tokens = Math.min(burst, tokens + Duration.between(last, now).toNanos() / refillNanos);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
