package io.dbprovision.exporter.config;

import java.time.Duration;

/**
 * {@code delivery} (our extension): how every receiver's queue and worker behave.
 *
 * @param queueCapacity events waiting per receiver; beyond it they are folded into the next digest
 * @param digestThreshold when this many events wait, the worker sends them as one digest message
 * @param connectTimeout bound of opening a connection
 * @param requestTimeout bound of one whole request
 * @param maxAttempts attempts per message, the first included
 * @param initialBackoff first retry delay; it doubles up to {@code maxBackoff}, with jitter
 * @param maxRetryAfter cap on a server's {@code Retry-After}
 * @param slackInterval minimum time between two messages to one Slack destination
 * @param drainTimeout how long shutdown waits for queues to empty
 */
public record DeliveryConfig(
    int queueCapacity,
    int digestThreshold,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration slackInterval,
    Duration drainTimeout) {

  public static DeliveryConfig defaults() {
    return new DeliveryConfig(
        1000,
        10,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10));
  }
}
