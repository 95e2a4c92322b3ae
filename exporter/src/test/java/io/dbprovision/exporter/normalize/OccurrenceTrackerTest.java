package io.dbprovision.exporter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccurrenceTrackerTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final OccurrenceTracker tracker =
      new OccurrenceTracker(100, Duration.ofSeconds(5), clock);

  private static EventRecord event(String uid, int count) {
    return TestEvents.event().uid(uid).count(count).lastTimestamp(NOW).build();
  }

  @Test
  void aNewEventCountsItsWholeCount() {
    assertThat(tracker.occurrences(event("a", 4))).isEqualTo(4);
  }

  @Test
  void anUpdateCountsTheRiseOfItsCount() {
    tracker.occurrences(event("a", 4));

    assertThat(tracker.occurrences(event("a", 6))).isEqualTo(2);
    assertThat(tracker.occurrences(event("a", 6))).isZero();
    assertThat(tracker.occurrences(event("a", 5))).isZero();
    assertThat(tracker.occurrences(event("a", 7))).isEqualTo(1);
  }

  @Test
  void seriesCountsRiseLikeCounts() {
    EventRecord first =
        TestEvents.event().uid("s").count(0).seriesCount(2).lastTimestamp(NOW).build();
    EventRecord later =
        TestEvents.event().uid("s").count(0).seriesCount(5).lastTimestamp(NOW).build();

    assertThat(tracker.occurrences(first)).isEqualTo(2);
    assertThat(tracker.occurrences(later)).isEqualTo(3);
  }

  @Test
  void theInitialListSeedsStateWithoutCounting() {
    tracker.seed(event("a", 4));

    assertThat(tracker.occurrences(event("a", 4))).isZero();
    assertThat(tracker.occurrences(event("a", 5))).isEqualTo(1);
  }

  @ParameterizedTest(name = "last occurrence {0}s ago -> {1}")
  @CsvSource({"0, 3", "5, 3", "6, 0", "3600, 0"})
  void anEventOlderThanTheMaximumAgeAtFirstSightIsBaseline(long ageSeconds, int expected) {
    EventRecord old =
        TestEvents.event().uid("old").count(3).lastTimestamp(NOW.minusSeconds(ageSeconds)).build();

    assertThat(tracker.occurrences(old)).isEqualTo(expected);
    EventRecord risen = TestEvents.event().uid("old").count(4).lastTimestamp(NOW).build();
    assertThat(tracker.occurrences(risen)).as("a later rise always counts").isEqualTo(1);
  }

  @Test
  void forgetsDeletedEvents() {
    tracker.occurrences(event("a", 2));

    tracker.forget("a");

    assertThat(tracker.size()).isZero();
    assertThat(tracker.occurrences(event("a", 2))).isEqualTo(2);
  }

  @Test
  void staysWithinItsCapacityForgettingTheLeastRecentlySeen() {
    OccurrenceTracker small = new OccurrenceTracker(2, Duration.ofSeconds(5), clock);
    small.occurrences(event("a", 1));
    small.occurrences(event("b", 1));
    small.occurrences(event("a", 1));
    small.occurrences(event("c", 1));

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.occurrences(event("a", 2))).as("a was kept").isEqualTo(1);
    assertThat(small.occurrences(event("b", 2))).as("b was forgotten").isEqualTo(2);
  }
}
