package io.dbprovision.exporter.receiver;

import java.time.Duration;
import java.util.Optional;

/** {@code Retry-After} in seconds, the form Slack and most webhooks send. */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      // An HTTP date is allowed too; without a shared clock here it falls back to backoff.
      return Optional.empty();
    }
  }
}
