package io.dbprovision.exporter.receiver;

import java.time.Duration;
import java.util.Optional;

/**
 * How one send ended, as a receiver classifies it. Causes never carry a secret (token, webhook URL,
 * header value): receivers scrub them before building a result.
 */
public sealed interface SendResult {

  /** The destination accepted the message. */
  record Sent() implements SendResult {}

  /**
   * Worth trying again: 5xx, 429, I/O errors and timeouts.
   *
   * @param retryAfter what the server asked for ({@code Retry-After}), if anything
   */
  record Retryable(String cause, Optional<Duration> retryAfter) implements SendResult {}

  /** Trying again cannot help: other 4xx, Slack's {@code ok:false}, a TLS trust failure. */
  record Permanent(String cause) implements SendResult {}

  static SendResult sent() {
    return new Sent();
  }

  static SendResult retryable(String cause) {
    return new Retryable(cause, Optional.empty());
  }
}
