package io.dbprovision.operator.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  @ParameterizedTest(name = "{0} in {1} after {2} -> {3}")
  @CsvSource({
    "30 2 * * 1-5,  UTC,           2026-11-24T03:00:00Z, 2026-11-25T02:30:00Z",
    "30 2 * * *,    Europe/Berlin, 2026-11-24T03:00:00Z, 2026-11-25T01:30:00Z",
    "30 2 * * *,    Europe/Berlin, 2026-07-24T03:00:00Z, 2026-07-25T00:30:00Z",
    "*/15 * * * *,  UTC,           2026-11-24T03:07:10Z, 2026-11-24T03:15:00Z",
    "0 0 * * 0,     UTC,           2026-11-24T03:00:00Z, 2026-11-29T00:00:00Z",
    "0 0 * * 7,     UTC,           2026-11-24T03:00:00Z, 2026-11-29T00:00:00Z",
    "@hourly,       UTC,           2026-11-24T03:00:00Z, 2026-11-24T04:00:00Z",
    "@daily,        UTC,           2026-11-24T03:00:00Z, 2026-11-25T00:00:00Z",
    "@daily,        America/New_York, 2026-11-24T03:00:00Z, 2026-11-24T05:00:00Z",
    "@midnight,     UTC,           2026-11-24T03:00:00Z, 2026-11-25T00:00:00Z",
    "@weekly,       UTC,           2026-11-24T03:00:00Z, 2026-11-29T00:00:00Z",
    "@monthly,      UTC,           2026-11-24T03:00:00Z, 2026-12-01T00:00:00Z",
    "@yearly,       UTC,           2026-11-24T03:00:00Z, 2027-01-01T00:00:00Z",
    "@annually,     UTC,           2026-11-24T03:00:00Z, 2027-01-01T00:00:00Z",
  })
  void firesAtTheNextSlotInItsTimeZone(String expression, String zone, String after, String next) {
    CronSchedule schedule = CronSchedule.parse(expression, zone);

    assertThat(schedule.nextAfter(Instant.parse(after))).contains(Instant.parse(next));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "30 2 * * *, 2026-11-24T02:30:00Z, 2026-11-24T02:30:00Z",
    "30 2 * * *, 2026-11-24T02:29:59Z, 2026-11-23T02:30:00Z",
    "30 2 * * *, 2026-11-24T09:00:00Z, 2026-11-24T02:30:00Z",
  })
  void findsTheLatestSlotAtOrBeforeAnInstant(String expression, String at, String slot) {
    assertThat(CronSchedule.parse(expression, "UTC").latestAtOrBefore(Instant.parse(at)))
        .contains(Instant.parse(slot));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "61 * * * *,   UTC, spec.schedule \"61 * * * *\"",
    "* * * *,      UTC, spec.schedule \"* * * *\"",
    "0 0 0 * * ?,  UTC, spec.schedule \"0 0 0 * * ?\"",
    "@every5m,     UTC, spec.schedule \"@every5m\"",
    "'',           UTC, spec.schedule is empty",
    "@daily,       Mars/Olympus, spec.timezone \"Mars/Olympus\"",
  })
  void rejectsWhatItCannotReadNamingTheField(String expression, String zone, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(expression, zone))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"null", "''"},
      nullValues = "null")
  void readsTheScheduleInUtcWithoutATimeZone(String zone) {
    assertThat(CronSchedule.parse("@daily", zone).nextAfter(Instant.parse("2026-11-24T23:59:00Z")))
        .contains(Instant.parse("2026-11-25T00:00:00Z"));
  }
}
