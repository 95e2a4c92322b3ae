package io.dbprovision.exporter.kube;

import java.util.function.LongSupplier;

/**
 * client-go's request rate limiter ({@code flowcontrol.NewTokenBucketRateLimiter(qps, burst)}): a
 * bucket of {@code burst} tokens, full at start, refilled at {@code qps} tokens per second; every
 * request takes one. A request that finds the bucket empty reserves the next token and waits for
 * it, so waiting requests leave in order at exactly {@code qps}.
 */
final class TokenBucket {
  private final double tokensPerNano;
  private final int burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime()} outside tests)
   */
  TokenBucket(double qps, int burst, LongSupplier nanoTime) {
    if (!(qps > 0) || burst < 1) {
      throw new IllegalArgumentException("qps must be > 0 and burst >= 1");
    }
    this.tokensPerNano = qps / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /**
   * Takes a token; returns how many nanoseconds the caller must wait before using it (0 or more).
   */
  synchronized long take() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
    refilledAt = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
  }
}
