package io.dbprovision.exporter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DiscardReporterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final List<DiscardCause> counted = new ArrayList<>();
  private final DiscardReporter reporter = DiscardReporter.perMinute(clock, counted::add);
  private final Logger logger = (Logger) LoggerFactory.getLogger(DiscardReporter.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  private List<String> lines() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void countsEveryDiscardButLogsEachCauseOncePerMinute() {
    reporter.discarded(DiscardCause.UNKNOWN_TYPE, "Event a/1");
    reporter.discarded(DiscardCause.UNKNOWN_TYPE, "Event a/2");
    reporter.discarded(DiscardCause.MISSING_INVOLVED_OBJECT, "Event a/3");
    clock.advance(Duration.ofSeconds(59));
    reporter.discarded(DiscardCause.UNKNOWN_TYPE, "Event a/4");

    assertThat(counted).hasSize(4);
    assertThat(lines())
        .containsExactly(
            "discarded an Event (unknown_type): Event a/1",
            "discarded an Event (missing_involved_object): Event a/3");

    clock.advance(Duration.ofSeconds(1));
    reporter.discarded(DiscardCause.UNKNOWN_TYPE, "Event a/5");

    assertThat(lines())
        .last()
        .isEqualTo(
            "discarded an Event (unknown_type): Event a/5; 2 more with this cause since the last"
                + " report");
  }
}
