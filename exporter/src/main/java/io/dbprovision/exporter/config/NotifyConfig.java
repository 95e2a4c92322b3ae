package io.dbprovision.exporter.config;

import java.time.Duration;

/**
 * A receiver's {@code notify} policy (our extension): {@code every} occurrence, the {@code first}
 * one only, or {@code cooldown: 10m} (the same object and reason notifies again only after the
 * cooldown; repeats inside it are counted and reported with the next message).
 *
 * @param cooldown the quiet period of {@link Mode#COOLDOWN}; zero otherwise
 */
public record NotifyConfig(Mode mode, Duration cooldown) {
  public static final Duration DEFAULT_SLACK_COOLDOWN = Duration.ofMinutes(5);

  /** How often one object + reason notifies. */
  public enum Mode {
    EVERY,
    FIRST,
    COOLDOWN
  }

  public static NotifyConfig every() {
    return new NotifyConfig(Mode.EVERY, Duration.ZERO);
  }

  public static NotifyConfig cooldown(Duration cooldown) {
    return new NotifyConfig(Mode.COOLDOWN, cooldown);
  }

  /** The default when {@code notify} is not set: a 5 minute cooldown for Slack, every otherwise. */
  public static NotifyConfig defaultFor(Sink sink) {
    return sink instanceof Sink.Slack ? cooldown(DEFAULT_SLACK_COOLDOWN) : every();
  }
}
