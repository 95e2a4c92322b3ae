package io.dbprovision.exporter.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.exporter.normalize.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchStallTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicLong processed = new AtomicLong();
  private final AtomicBoolean watching = new AtomicBoolean(true);
  private final WatchStall stall =
      new WatchStall(clock, Duration.ofMinutes(5), processed::get, watching::get);

  @Test
  void anOpenWatchIsNotStalledHoweverQuietTheClusterIs() {
    clock.advance(Duration.ofHours(1));

    assertThat(stall.problem()).isEmpty();
  }

  @Test
  void aClosedWatchWithoutEventsStallsAfterTheTimeout() {
    assertThat(stall.problem()).isEmpty();
    watching.set(false);
    clock.advance(Duration.ofMinutes(4));
    assertThat(stall.problem()).isEmpty();

    clock.advance(Duration.ofMinutes(2));

    assertThat(stall.problem()).hasValueSatisfying(p -> assertThat(p).contains("watch stalled"));
  }

  @Test
  void processedEventsOrAReopenedWatchEndTheStall() {
    watching.set(false);
    clock.advance(Duration.ofMinutes(6));
    assertThat(stall.problem()).isPresent();

    processed.incrementAndGet();
    assertThat(stall.problem()).isEmpty();
    clock.advance(Duration.ofMinutes(6));
    assertThat(stall.problem()).isPresent();

    watching.set(true);
    assertThat(stall.problem()).isEmpty();
  }
}
