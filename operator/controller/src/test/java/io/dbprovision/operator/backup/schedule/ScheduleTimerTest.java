package io.dbprovision.operator.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTimerTest {
  private final CronSchedule hourly = CronSchedule.parse("0 * * * *", "UTC");

  @ParameterizedTest(name = "since {0}, now {1}")
  @CsvSource({
    // since,               now,                  due,   scheduledFor,          next
    "2026-11-24T10:15:00Z, 2026-11-24T10:59:59Z, false, ,                      2026-11-24T11:00:00Z",
    "2026-11-24T10:15:00Z, 2026-11-24T11:00:00Z, true,  2026-11-24T11:00:00Z,  2026-11-24T12:00:00Z",
    "2026-11-24T10:15:00Z, 2026-11-24T11:00:30Z, true,  2026-11-24T11:00:00Z,  2026-11-24T12:00:00Z",
    "2026-11-24T11:00:00Z, 2026-11-24T11:00:30Z, false, ,                      2026-11-24T12:00:00Z",
    "2026-11-24T10:15:00Z, 2026-11-24T14:20:00Z, true,  2026-11-24T14:00:00Z,  2026-11-24T15:00:00Z",
  })
  void isDueOnceTheFirstSlotAfterTheLastTriggerHasPassed(
      Instant since, Instant now, boolean due, Instant scheduledFor, Instant next) {
    ScheduleTimer.Evaluation evaluation = ScheduleTimer.evaluate(hourly, since, now);

    assertThat(evaluation.due()).isEqualTo(due);
    assertThat(evaluation.scheduledFor()).isEqualTo(Optional.ofNullable(scheduledFor));
    assertThat(evaluation.nextBackupTime()).contains(next);
  }

  @Test
  void aNewScheduleFiresAtItsFirstDueTimeAndThenWaitsForTheNext() {
    TestClock clock = TestClock.at("2026-11-24T10:15:00Z");
    Instant created = clock.instant();

    assertThat(ScheduleTimer.evaluate(hourly, created, clock.instant()).due()).isFalse();
    clock.advance(Duration.ofMinutes(45));
    ScheduleTimer.Evaluation first = ScheduleTimer.evaluate(hourly, created, clock.instant());
    assertThat(first.due()).isTrue();

    Instant triggered = clock.instant();
    clock.advance(Duration.ofMinutes(30));
    assertThat(ScheduleTimer.evaluate(hourly, triggered, clock.instant()).due()).isFalse();
    clock.advance(Duration.ofMinutes(30));
    assertThat(ScheduleTimer.evaluate(hourly, triggered, clock.instant()).scheduledFor())
        .contains(Instant.parse("2026-11-24T12:00:00Z"));
  }

  @ParameterizedTest(name = "waiting for {0}, now {1}")
  @CsvSource({
    // waitingFor,          now,                  due,   scheduledFor,          next
    "2026-11-24T11:00:00Z, 2026-11-24T10:59:59Z, false, ,                      2026-11-24T11:00:00Z",
    "2026-11-24T11:00:00Z, 2026-11-24T11:00:00Z, true,  2026-11-24T11:00:00Z,  2026-11-24T12:00:00Z",
    "2026-11-24T11:00:00Z, 2026-11-24T13:30:00Z, true,  2026-11-24T13:00:00Z,  2026-11-24T14:00:00Z",
  })
  void aReportedNextTimeIsDueOnceNowReachesIt(
      Instant waitingFor, Instant now, boolean due, Instant scheduledFor, Instant next) {
    ScheduleTimer.Evaluation evaluation = ScheduleTimer.waitingFor(hourly, waitingFor, now);

    assertThat(evaluation.due()).isEqualTo(due);
    assertThat(evaluation.scheduledFor()).isEqualTo(Optional.ofNullable(scheduledFor));
    assertThat(evaluation.nextBackupTime()).contains(next);
  }
}
