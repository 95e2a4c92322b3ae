package io.dbprovision.exporter.receiver;

import java.util.Optional;

/**
 * Sends one message to one destination and classifies the outcome. Receivers neither retry nor
 * wait: retry, backoff, pacing and digests live in {@code deliver}, the same for all of them. Every
 * call is bounded by the connect and request timeouts the receiver was built with.
 */
public interface Receiver extends AutoCloseable {

  /** The receiver's name in the configuration (a metric label). */
  String name();

  SendResult send(Outgoing message);

  /**
   * A destination that must be paced (a Slack channel or incoming webhook), as an opaque key that
   * receivers posting to the same place share; empty when no pacing applies. Never the secret
   * itself.
   */
  default Optional<String> pacingKey() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
