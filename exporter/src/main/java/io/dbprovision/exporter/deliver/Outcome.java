package io.dbprovision.exporter.deliver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How one event handed to one receiver ended: exactly one of these, counted once. */
public enum Outcome {
  /** Sent on its own and accepted. */
  SENT,
  /** Could not be sent: a permanent error, or retries ran out. */
  FAILED,
  /** Never sent: delivery was shutting down, or the receiver does not exist. */
  DROPPED,
  /** Held back by the receiver's {@code notify} policy (counted into a later "×N since"). */
  SUPPRESSED,
  /** Sent as part of a digest message that was accepted. */
  DIGESTED;

  public static final List<String> LABELS = Arrays.stream(values()).map(Outcome::label).toList();

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
