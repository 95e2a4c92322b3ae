package io.dbprovision.operator.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.BackupRetentionSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionTest {
  /** Every six hours for ten days, newest 2026-11-24T18:00Z: b00 is the newest. */
  private static List<RetainedBackup> everySixHours() {
    List<RetainedBackup> backups = new ArrayList<>();
    Instant newest = Instant.parse("2026-11-24T18:00:00Z");
    for (int i = 0; i < 40; i++) {
      backups.add(
          new RetainedBackup(String.format("b%02d", i), newest.minus(Duration.ofHours(6L * i))));
    }
    return backups;
  }

  @ParameterizedTest(name = "last={0} hourly={1} daily={2} weekly={3} monthly={4} -> {5}")
  @CsvSource({
    "3, 0, 0, 0, 0, b00 b01 b02",
    "0, 2, 0, 0, 0, b00 b01",
    // the newest of each day: 18:00 each day
    "0, 0, 3, 0, 0, b00 b04 b08",
    "2, 0, 3, 0, 0, b00 b01 b04 b08",
    // ISO weeks: Mon 2026-11-23.., Mon 2026-11-16.., the newest of the week before is Sun 11-15
    // 18:00 = b36
    "0, 0, 0, 3, 0, b00 b08 b36",
    // months: November only (the backups span 2026-11-15 .. 2026-11-24)
    "0, 0, 0, 0, 5, b00",
  })
  void keepsTheNewestBackupOfEachOfTheLastPeriods(
      int last, int hourly, int daily, int weekly, int monthly, String kept) {
    Retention.Plan plan =
        new Retention(last, hourly, daily, weekly, monthly, 0)
            .apply(everySixHours(), ZoneOffset.UTC);

    List<String> expected = Arrays.asList(kept.split(" "));
    assertThat(plan.keep().keySet())
        .extracting(RetainedBackup::name)
        .containsExactlyElementsOf(expected);
    assertThat(plan.delete()).hasSize(40 - expected.size());
    assertThat(plan.delete())
        .extracting(RetainedBackup::name)
        .doesNotContainAnyElementsOf(expected);
  }

  @Test
  void takesDaysInTheScheduleTimeZone() {
    List<RetainedBackup> backups =
        List.of(
            new RetainedBackup("late-evening-utc", Instant.parse("2026-11-24T23:30:00Z")),
            new RetainedBackup("afternoon-utc", Instant.parse("2026-11-24T14:00:00Z")));
    Retention daily = new Retention(0, 0, 1, 0, 0, 0);

    assertThat(daily.apply(backups, ZoneOffset.UTC).delete())
        .extracting(RetainedBackup::name)
        .containsExactly("afternoon-utc");
    // In Tokyo the two fall on different days; keepDaily 1 keeps only the newest day.
    assertThat(daily.apply(backups, ZoneId.of("Asia/Tokyo")).delete())
        .extracting(RetainedBackup::name)
        .containsExactly("afternoon-utc");
    assertThat(new Retention(0, 0, 2, 0, 0, 0).apply(backups, ZoneId.of("Asia/Tokyo")).delete())
        .isEmpty();
  }

  @Test
  void recordsEveryRuleThatKeptABackup() {
    Retention.Plan plan = new Retention(1, 1, 1, 0, 0, 0).apply(everySixHours(), ZoneOffset.UTC);

    assertThat(plan.keep()).hasSize(1);
    assertThat(plan.keep().values().iterator().next()).containsExactly("last", "hourly", "daily");
  }

  @Test
  void aPolicyWithoutRulesDeletesNothing() {
    assertThat(Retention.of(null).apply(everySixHours(), ZoneOffset.UTC).delete()).isEmpty();
    assertThat(
            Retention.of(new BackupRetentionSpec()).apply(everySixHours(), ZoneOffset.UTC).delete())
        .isEmpty();
  }

  @Test
  void readsAbsentKeepsAsZero() {
    BackupRetentionSpec spec = new BackupRetentionSpec();
    spec.setKeepLast(2);

    assertThat(Retention.of(spec)).isEqualTo(new Retention(2, 0, 0, 0, 0, 0));
  }

  @Test
  void rejectsNegativeKeeps() {
    assertThatThrownBy(() -> new Retention(-1, 0, 0, 0, 0, 0))
        .hasMessageContaining("spec.retention");
  }
}
