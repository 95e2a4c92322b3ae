package io.dbprovision.exporter.receiver;

import java.util.List;
import java.util.Objects;

/**
 * The secret strings of one receiver (token, endpoint, header values), used to scrub text that came
 * from a library or the network before it reaches a log, a result or an exception.
 */
final class Secrets {
  private static final String REDACTED = "<redacted>";
  private final List<String> values;

  Secrets(List<String> values) {
    this.values =
        values.stream().filter(Objects::nonNull).filter(v -> v.length() >= 4).distinct().toList();
  }

  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : values) {
      result = result.replace(secret, REDACTED);
    }
    return result;
  }

  /** A throwable described by its type and scrubbed message, without the URL it may name. */
  String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + scrub(message));
  }
}
