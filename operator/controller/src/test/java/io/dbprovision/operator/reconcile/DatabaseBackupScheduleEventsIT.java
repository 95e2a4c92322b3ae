package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static io.dbprovision.operator.reconcile.ScheduleOnMock.epochSeconds;
import static io.dbprovision.operator.reconcile.ScheduleOnMock.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.BackupRetentionSpec;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleStatus;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus.Phase;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One scenario per DatabaseBackupSchedule catalog row, on the mock API server. */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseBackupScheduleEventsIT {

  @Test
  void backupTriggered(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "ev-triggered", "2026-03-01T09:59:57Z")) {
      on.create(schedule("nightly", "0 10 * * *"));
      assertRow(
          on.awaitEvent("nightly", "BackupTriggered"),
          CatalogEvent.SCHEDULE_BACKUP_TRIGGERED,
          "Scheduled backup nightly-20260301-100000 triggered",
          "2026-03-01T10:00:00Z");
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void paused(MockKubernetes kubernetes) {
    try (ScheduleOnMock on = new ScheduleOnMock(kubernetes, "ev-paused", "2026-03-01T09:00:00Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "@daily");
      schedule.getSpec().setPaused(true);
      on.create(schedule);
      assertRow(
          on.awaitEvent("nightly", "Paused"),
          CatalogEvent.SCHEDULE_PAUSED,
          "Backup schedule paused",
          "spec.paused");
      assertThat(on.status("nightly").getPhase())
          .isEqualTo(DatabaseBackupScheduleStatus.Phase.Paused);
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void resumed(MockKubernetes kubernetes) {
    try (ScheduleOnMock on = new ScheduleOnMock(kubernetes, "ev-resumed", "2026-03-01T09:00:00Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "@daily");
      schedule.getSpec().setPaused(true);
      on.create(schedule);
      on.awaitEvent("nightly", "Paused");
      on.edit("nightly", spec -> spec.setPaused(false));
      assertRow(
          on.awaitEvent("nightly", "Resumed"),
          CatalogEvent.SCHEDULE_RESUMED,
          "Backup schedule resumed",
          "next backup at 2026-03-02T00:00:00Z");
      assertThat(on.status("nightly").getNextBackupTime()).isEqualTo("2026-03-02T00:00:00Z");
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void deletionBlockedByProtectionThenDeletedWithoutIt(MockKubernetes kubernetes) {
    try (ScheduleOnMock on = new ScheduleOnMock(kubernetes, "ev-blocked", "2026-03-01T09:00:00Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "@daily");
      schedule.getSpec().setDeletionProtection(true);
      on.create(schedule);
      on.awaitNextBackupTime("nightly", "2026-03-02T00:00:00Z");
      assertThat(on.nextRunGauge("nightly")).contains(epochSeconds("2026-03-02T00:00:00Z"));

      on.operator.client.resource(on.get("nightly")).delete();
      assertRow(
          on.awaitEvent("nightly", "DeletionBlocked"),
          CatalogEvent.SCHEDULE_DELETION_BLOCKED,
          "deletion protection");
      assertThat(on.get("nightly")).isNotNull();
      DatabaseBackupScheduleStatus blocked =
          on.awaitStatus("nightly", s -> s.getPhase() == DatabaseBackupScheduleStatus.Phase.Failed);
      assertThat(blocked.getNextBackupTime()).isNull();

      on.operator
          .client
          .resources(DatabaseBackupSchedule.class)
          .inNamespace(on.operator.namespace)
          .withName("nightly")
          .edit(
              s -> {
                s.getSpec().setDeletionProtection(false);
                return s;
              });
      on.operator.awaitGone(DatabaseBackupSchedule.class, "nightly");
      assertThat(on.nextRunGauge("nightly")).isEmpty();
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void retentionApplied(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "ev-retention", "2026-03-01T09:00:00Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "@daily");
      BackupRetentionSpec retention = new BackupRetentionSpec();
      retention.setKeepLast(1);
      schedule.getSpec().setRetention(retention);
      DatabaseBackupSchedule created = on.create(schedule);
      DatabaseBackupScheduleReconcilerIT.ownedBackup(on, created, "nightly-old");
      DatabaseBackupScheduleReconcilerIT.ownedBackup(on, created, "nightly-new");
      on.backupStatus("nightly-new", Phase.Completed, "2026-02-28T00:00:00Z", null);
      on.backupStatus("nightly-old", Phase.Completed, "2026-02-27T00:00:00Z", null);

      assertRow(
          on.awaitEvent("nightly", "RetentionApplied"),
          CatalogEvent.SCHEDULE_RETENTION_APPLIED,
          "deleted 1 of 2 completed backups, kept 1",
          "nightly-old");
      on.operator.awaitGone(DatabaseBackup.class, "nightly-old");
      assertThat(on.backupNames()).containsExactly("nightly-new");
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void reconcileFailedOnceForAnInvalidScheduleTimeZoneOrTemplate(MockKubernetes kubernetes) {
    try (ScheduleOnMock on = new ScheduleOnMock(kubernetes, "ev-invalid", "2026-03-01T09:00:00Z")) {
      on.create(schedule("badcron", "61 * * * *"));
      DatabaseBackupSchedule badZone = schedule("badzone", "@daily");
      badZone.getSpec().setTimezone("Mars/Olympus_Mons");
      on.create(badZone);

      assertRow(
          on.awaitEvent("badcron", "ReconcileFailed"),
          CatalogEvent.SCHEDULE_RECONCILE_FAILED,
          "spec.schedule",
          "61 * * * *");
      assertRow(
          on.awaitEvent("badzone", "ReconcileFailed"),
          CatalogEvent.SCHEDULE_RECONCILE_FAILED,
          "spec.timezone",
          "Mars/Olympus_Mons");
      DatabaseBackupSchedule noTemplate = schedule("notemplate", "@daily");
      noTemplate.getSpec().getTemplate().setSpec(null);
      on.create(noTemplate);
      assertRow(
          on.awaitEvent("notemplate", "ReconcileFailed"),
          CatalogEvent.SCHEDULE_RECONCILE_FAILED,
          "spec.template.spec");
      DatabaseBackupScheduleStatus failed =
          on.awaitStatus("badcron", s -> s.getPhase() == DatabaseBackupScheduleStatus.Phase.Failed);
      assertThat(failed.getNextBackupTime()).isNull();
      assertThat(on.nextRunGauge("badcron")).isEmpty();

      // Permanent: no retries, so one Warning with count 1 and no more reconciles of it.
      double errors =
          on.scrape()
              .get(
                  "dbprovision_reconcile_total",
                  "kind",
                  "DatabaseBackupSchedule",
                  "result",
                  "error");
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      assertThat(
              on.scrape()
                  .get(
                      "dbprovision_reconcile_total",
                      "kind",
                      "DatabaseBackupSchedule",
                      "result",
                      "error"))
          .isEqualTo(errors);
      Event warning = on.events("badcron", "ReconcileFailed").get(0);
      assertThat(on.events("badcron", "ReconcileFailed")).hasSize(1);
      assertThat(warning.getCount()).isEqualTo(1);
      assertAllInCatalog(on.operator.events());
    }
  }
}
