package io.dbprovision.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
  private final TestClock clock = TestClock.at("2026-11-25T02:30:00Z");
  private final List<Progress> reports = new ArrayList<>();

  @Test
  void reportsAtMostOncePerInterval() {
    ProgressMeter meter =
        new ProgressMeter(clock, Duration.ofSeconds(5), OptionalLong.empty(), reports::add);

    meter.add(100);
    clock.advance(Duration.ofSeconds(4));
    meter.add(100);
    clock.advance(Duration.ofSeconds(1));
    meter.add(100);
    meter.add(100);
    clock.advance(Duration.ofSeconds(5));
    meter.add(1);

    assertThat(reports)
        .containsExactly(
            new Progress(300, OptionalInt.empty()), new Progress(401, OptionalInt.empty()));
  }

  @Test
  void estimatesAPercentageAgainstAKnownSizeCappedBelowDone() {
    ProgressMeter meter =
        new ProgressMeter(clock, Duration.ZERO, OptionalLong.of(1000), reports::add);

    meter.add(250);
    meter.add(2000);

    assertThat(reports)
        .extracting(Progress::percentage)
        .containsExactly(OptionalInt.of(25), OptionalInt.of(99));
  }
}
