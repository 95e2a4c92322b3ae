package io.dbprovision.exporter.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The environment as the configuration loader sees it, remembering every value it handed out: those
 * are the values that can be secrets ({@code ${SLACK_TOKEN}}), so output can redact them.
 */
final class RecordingEnvironment implements Function<String, String> {
  /** Shorter values (a port, "true") are not secrets and would redact too much. */
  private static final int MIN_SECRET_LENGTH = 6;

  private final Function<String, String> environment;
  private final List<String> values = new CopyOnWriteArrayList<>();

  RecordingEnvironment(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String apply(String name) {
    String value = environment.apply(name);
    if (value != null && value.length() >= MIN_SECRET_LENGTH) {
      values.add(value);
    }
    return value;
  }

  /** {@code text} with every value handed out replaced by {@code <redacted>}. */
  String redact(String text) {
    String redacted = text;
    for (String value : values) {
      redacted = redacted.replace(value, "<redacted>");
    }
    return redacted;
  }
}
