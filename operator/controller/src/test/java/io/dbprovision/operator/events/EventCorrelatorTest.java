package io.dbprovision.operator.events;

import static io.dbprovision.api.events.CatalogEvent.INSTANCE_CONNECTION_FAILED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_HEALTH_CHECK_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.operator.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCorrelatorTest {
  private static final InvolvedObject PG =
      new InvolvedObject(
          "dbops.dbprovision.io/v1alpha1", "DatabaseInstance", "shop", "pg", "uid-pg", "41");
  private static final InvolvedObject MARIA =
      new InvolvedObject(
          "dbops.dbprovision.io/v1alpha1", "DatabaseInstance", "shop", "maria", "uid-m", "7");

  private final TestClock clock = TestClock.at("2026-11-25T08:00:00Z");
  private final EventCorrelator correlator = new EventCorrelator(clock);

  private Optional<EventWrite> occur(InvolvedObject object, CatalogEvent event, String message) {
    return correlator.correlate(new Occurrence(object, event, message, clock.instant()));
  }

  private EventWrite written(InvolvedObject object, CatalogEvent event, String message) {
    return occur(object, event, message).orElseThrow();
  }

  @Test
  void identicalEventsBecomeOneEventWhoseCountRises() {
    Instant first = clock.instant();
    EventWrite one = written(PG, INSTANCE_CONNECTION_FAILED, "connection refused");
    clock.advance(Duration.ofMinutes(1));
    EventWrite two = written(PG, INSTANCE_CONNECTION_FAILED, "connection refused");
    clock.advance(Duration.ofMinutes(1));
    EventWrite three = written(PG, INSTANCE_CONNECTION_FAILED, "connection refused");

    assertThat(one.isRepeat()).isFalse();
    assertThat(List.of(one.count(), two.count(), three.count())).containsExactly(1, 2, 3);
    assertThat(List.of(two.name(), three.name())).containsOnly(one.name());
    assertThat(three.firstTimestamp()).isEqualTo(first);
    assertThat(three.lastTimestamp()).isEqualTo(first.plus(Duration.ofMinutes(2)));
    assertThat(three.isRepeat()).isTrue();
  }

  @Test
  void aNewResourceVersionOfTheObjectIsStillTheSameObject() {
    EventWrite one = written(PG, INSTANCE_CONNECTION_FAILED, "connection refused");
    InvolvedObject patched =
        new InvolvedObject(PG.apiVersion(), PG.kind(), PG.namespace(), PG.name(), PG.uid(), "42");
    EventWrite two = written(patched, INSTANCE_CONNECTION_FAILED, "connection refused");

    assertThat(two.name()).isEqualTo(one.name());
    assertThat(two.count()).isEqualTo(2);
  }

  @Test
  void eventsDifferingInObjectReasonOrMessageAreSeparateEvents() {
    InvolvedObject recreated =
        new InvolvedObject(PG.apiVersion(), PG.kind(), PG.namespace(), PG.name(), "uid-2", "1");
    List<EventWrite> writes =
        List.of(
            written(PG, INSTANCE_CONNECTION_FAILED, "connection refused"),
            written(MARIA, INSTANCE_CONNECTION_FAILED, "connection refused"),
            written(recreated, INSTANCE_CONNECTION_FAILED, "connection refused"),
            written(PG, INSTANCE_HEALTH_CHECK_FAILED, "connection refused"),
            written(PG, INSTANCE_CONNECTION_FAILED, "timeout"));

    assertThat(writes).extracting(EventWrite::count).containsOnly(1);
    assertThat(writes).extracting(EventWrite::name).doesNotHaveDuplicates();
  }

  @Test
  void namesAreObjectDotHexNanosAndUniqueAtTheSameInstant() {
    EventWrite one = written(PG, INSTANCE_CONNECTION_FAILED, "a");
    EventWrite two = written(PG, INSTANCE_HEALTH_CHECK_FAILED, "b");

    long nanos = clock.instant().getEpochSecond() * 1_000_000_000L;
    assertThat(one.name()).isEqualTo("pg." + Long.toHexString(nanos));
    assertThat(two.name()).isEqualTo("pg." + Long.toHexString(nanos + 1));
  }

  @Test
  void similarEventsAreCombinedFromTheTenthDistinctMessageWithinTheWindow() {
    List<EventWrite> own = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      own.add(written(PG, INSTANCE_CONNECTION_FAILED, "attempt " + i));
      clock.advance(Duration.ofSeconds(30));
    }
    EventWrite tenth = written(PG, INSTANCE_CONNECTION_FAILED, "attempt 10");
    clock.advance(Duration.ofSeconds(30));
    EventWrite eleventh = written(PG, INSTANCE_CONNECTION_FAILED, "attempt 11");

    assertThat(own).extracting(EventWrite::message).doesNotHaveDuplicates();
    assertThat(own).allSatisfy(w -> assertThat(w.message()).startsWith("attempt "));
    assertThat(tenth.message()).isEqualTo("(combined from similar events): attempt 10");
    assertThat(tenth.count()).isEqualTo(1);
    assertThat(tenth.event()).isEqualTo(INSTANCE_CONNECTION_FAILED);
    assertThat(eleventh.name()).isEqualTo(tenth.name());
    assertThat(eleventh.count()).isEqualTo(2);
    assertThat(eleventh.message()).isEqualTo("(combined from similar events): attempt 11");
  }

  @Test
  void similarEventsFurtherApartThanTheWindowAreNotCombined() {
    for (int i = 1; i <= 9; i++) {
      written(PG, INSTANCE_CONNECTION_FAILED, "attempt " + i);
    }
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(written(PG, INSTANCE_CONNECTION_FAILED, "attempt 10").message())
        .isEqualTo("attempt 10");
  }

  @Test
  void similarEventsOfAnotherReasonAreNotCombined() {
    for (int i = 1; i <= 9; i++) {
      written(PG, INSTANCE_CONNECTION_FAILED, "attempt " + i);
    }

    assertThat(written(PG, INSTANCE_HEALTH_CHECK_FAILED, "attempt 10").message())
        .isEqualTo("attempt 10");
  }

  @Test
  void spamFilterLetsABurstOf25ThroughThenOneEveryFiveMinutes() {
    List<Optional<EventWrite>> burst = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(occur(PG, INSTANCE_CONNECTION_FAILED, "connection refused"));
    }
    clock.advance(Duration.ofMinutes(4));
    Optional<EventWrite> tooEarly = occur(PG, INSTANCE_CONNECTION_FAILED, "connection refused");
    clock.advance(Duration.ofMinutes(1));
    Optional<EventWrite> refilled = occur(PG, INSTANCE_CONNECTION_FAILED, "connection refused");

    assertThat(burst.subList(0, 25)).allMatch(Optional::isPresent);
    assertThat(burst.subList(25, 30)).allMatch(Optional::isEmpty);
    assertThat(tooEarly).isEmpty();
    // Held-back occurrences still count: the next written repeat carries all of them.
    assertThat(refilled.orElseThrow().count()).isEqualTo(32);
  }

  @Test
  void spamFilterIsPerObject() {
    for (int i = 0; i < 25; i++) {
      occur(PG, INSTANCE_CONNECTION_FAILED, "connection refused");
    }

    assertThat(occur(PG, INSTANCE_HEALTH_CHECK_FAILED, "down")).isEmpty();
    assertThat(occur(MARIA, INSTANCE_CONNECTION_FAILED, "connection refused")).isPresent();
  }

  @Test
  void limitsAreParameters() {
    EventCorrelator strict =
        new EventCorrelator(
            clock, new CorrelatorLimits(100, 2, Duration.ofMinutes(1), 3, Duration.ofMinutes(1)));
    Instant now = clock.instant();

    Optional<EventWrite> a =
        strict.correlate(new Occurrence(PG, INSTANCE_CONNECTION_FAILED, "a", now));
    Optional<EventWrite> b =
        strict.correlate(new Occurrence(PG, INSTANCE_CONNECTION_FAILED, "b", now));
    Optional<EventWrite> c =
        strict.correlate(new Occurrence(PG, INSTANCE_CONNECTION_FAILED, "c", now));
    clock.advance(Duration.ofMinutes(1));
    Optional<EventWrite> d =
        strict.correlate(new Occurrence(PG, INSTANCE_CONNECTION_FAILED, "d", now));

    assertThat(a).isPresent();
    assertThat(b).isPresent();
    assertThat(c).isEmpty();
    assertThat(d.orElseThrow().message()).startsWith(EventCorrelator.COMBINED_PREFIX);
  }

  @Test
  void forgetsTheLeastRecentlyUsedEventBeyondTheCacheSize() {
    EventCorrelator small =
        new EventCorrelator(
            clock, new CorrelatorLimits(2, 25, Duration.ofMinutes(5), 10, Duration.ofMinutes(10)));
    Instant now = clock.instant();
    EventWrite first =
        small.correlate(new Occurrence(PG, INSTANCE_DELETION_BLOCKED, "x", now)).orElseThrow();
    small.correlate(new Occurrence(PG, INSTANCE_CONNECTION_FAILED, "y", now));
    small.correlate(new Occurrence(PG, INSTANCE_HEALTH_CHECK_FAILED, "z", now));

    EventWrite again =
        small.correlate(new Occurrence(PG, INSTANCE_DELETION_BLOCKED, "x", now)).orElseThrow();

    assertThat(again.count()).isEqualTo(1);
    assertThat(again.name()).isNotEqualTo(first.name());
  }

  @Test
  void defaultsAreClientGos() {
    assertThat(CorrelatorLimits.CLIENT_GO)
        .isEqualTo(
            new CorrelatorLimits(4096, 25, Duration.ofSeconds(300), 10, Duration.ofSeconds(600)));
  }
}
