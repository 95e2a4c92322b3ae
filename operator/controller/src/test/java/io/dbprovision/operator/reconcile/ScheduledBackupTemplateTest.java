package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledBackupTemplateTest {
  private static final Instant SLOT = Instant.parse("2026-11-25T03:00:00Z");

  private static DatabaseBackupSchedule named(String name) {
    DatabaseBackupSchedule schedule = ScheduleOnMock.schedule(name, "@daily");
    schedule.getMetadata().setNamespace("shop");
    schedule.getMetadata().setUid("uid-1");
    return schedule;
  }

  @Test
  void theBackupIsNamedAfterTheScheduleAndTheSlotInUtc() {
    DatabaseBackup backup = ScheduledBackupTemplate.backupFor(named("nightly"), SLOT);
    assertThat(backup.getMetadata().getName()).isEqualTo("nightly-20261125-030000");
    assertThat(backup.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(backup.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getUid()).isEqualTo("uid-1");
              assertThat(owner.getBlockOwnerDeletion()).isTrue();
            });
  }

  @Test
  void theSpecIsACopyOfTheTemplate() {
    DatabaseBackupSchedule schedule = named("nightly");
    DatabaseBackup backup = ScheduledBackupTemplate.backupFor(schedule, SLOT);
    backup.getSpec().getDatabaseRef().setName("changed");
    assertThat(schedule.getSpec().getTemplate().getSpec().getDatabaseRef().getName())
        .isEqualTo("orders");
  }

  @Test
  void aLongScheduleNameIsCutToFitAndLeftOutOfTheLabel() {
    String longName = "s".repeat(250);
    DatabaseBackup backup = ScheduledBackupTemplate.backupFor(named(longName), SLOT);
    assertThat(backup.getMetadata().getName()).hasSize(253).endsWith("-20261125-030000");
    assertThat(backup.getMetadata().getLabels())
        .doesNotContainKey(ScheduledBackupTemplate.SCHEDULE_LABEL)
        .containsEntry(ScheduledBackupTemplate.SCHEDULED_LABEL, "true");
  }
}
