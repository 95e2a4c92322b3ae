package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatabaseBackupScheduleReconcilerTest {
  private static final Instant SLOT = Instant.parse("2026-11-25T03:00:00Z");

  @Test
  void theWaitEndsAtTheSlotRoundedUpToMillisecondsAndAtMostAnHour() {
    Instant now = Instant.parse("2026-11-25T02:59:57.0000005Z");
    assertThat(DatabaseBackupScheduleReconciler.untilDue(now, SLOT))
        .isEqualTo(Duration.ofMillis(3000));
    assertThat(DatabaseBackupScheduleReconciler.untilDue(now.minusSeconds(7200), SLOT))
        .isEqualTo(DatabaseBackupScheduleReconciler.LONGEST_WAIT);
    assertThat(DatabaseBackupScheduleReconciler.untilDue(SLOT.plusSeconds(1), SLOT)).isZero();
  }
}
