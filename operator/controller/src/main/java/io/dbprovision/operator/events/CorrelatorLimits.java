package io.dbprovision.operator.events;

import java.time.Duration;

/**
 * The limits of {@link EventCorrelator}. {@link #CLIENT_GO} holds the defaults of Kubernetes'
 * client-go ({@code tools/record/events_cache.go}), so users see the behaviour they know from every
 * other controller.
 *
 * @param cacheSize entries of each of the correlator's LRU caches (objects/messages remembered)
 * @param spamBurst events one object may produce at once before the spam filter holds them back
 * @param spamRefillEvery time after which one more event is allowed once the burst is spent
 * @param aggregateMaxEvents distinct messages of one object/type/reason, within {@code
 *     aggregateWindow}, from which on they are combined into one Event
 * @param aggregateWindow how long a quiet group of similar events is remembered
 */
public record CorrelatorLimits(
    int cacheSize,
    int spamBurst,
    Duration spamRefillEvery,
    int aggregateMaxEvents,
    Duration aggregateWindow) {

  /** client-go: LRU 4096; burst 25, refill one per 5 minutes; aggregate from 10 in 10 minutes. */
  public static final CorrelatorLimits CLIENT_GO =
      new CorrelatorLimits(4096, 25, Duration.ofMinutes(5), 10, Duration.ofMinutes(10));

  public CorrelatorLimits {
    if (cacheSize < 1 || spamBurst < 1 || aggregateMaxEvents < 1) {
      throw new IllegalArgumentException(
          "cacheSize, spamBurst and aggregateMaxEvents must be positive");
    }
    if (spamRefillEvery.isNegative()
        || spamRefillEvery.isZero()
        || aggregateWindow.isNegative()
        || aggregateWindow.isZero()) {
      throw new IllegalArgumentException("spamRefillEvery and aggregateWindow must be positive");
    }
  }
}
