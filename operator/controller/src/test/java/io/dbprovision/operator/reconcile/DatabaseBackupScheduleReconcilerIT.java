package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.ScheduleOnMock.epochSeconds;
import static io.dbprovision.operator.reconcile.ScheduleOnMock.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.BackupRetentionSpec;
import io.dbprovision.api.v1alpha1.ConcurrencyPolicy;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleStatus;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus.Phase;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DatabaseBackupSchedule behaviour on the mock API server, driven by a clock the test sets a few
 * seconds before a due time: triggering, pause and resume, concurrency policies, retention, and the
 * next-run gauge.
 */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseBackupScheduleReconcilerIT {

  @Test
  void aNewScheduleTriggersAtItsFirstDueTimeAndThenAgain(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "sched-first", "2026-03-01T09:59:57Z")) {
      DatabaseBackupSchedule created = on.create(schedule("nightly", "* * * * *"));

      // Nothing but the timer the first pass set brings the schedule back at 10:00.
      DatabaseBackup first = on.awaitBackup("nightly-20260301-100000");
      assertThat(first.getSpec().getDatabaseRef().getName()).isEqualTo("orders");
      assertThat(first.getSpec().getStorage().getPvc().getClaimName()).isEqualTo("backups");
      assertThat(first.getMetadata().getLabels())
          .containsEntry("team", "billing")
          .containsEntry("dbops.dbprovision.io/schedule", "nightly")
          .containsEntry("dbops.dbprovision.io/scheduled-backup", "true");
      OwnerReference owner = first.getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getKind()).isEqualTo("DatabaseBackupSchedule");
      assertThat(owner.getApiVersion()).isEqualTo("dbops.dbprovision.io/v1alpha1");
      assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();

      DatabaseBackupScheduleStatus status =
          on.awaitNextBackupTime("nightly", "2026-03-01T10:01:00Z");
      assertThat(status.getPhase()).isEqualTo(DatabaseBackupScheduleStatus.Phase.Active);
      assertThat(status.getLastBackup().getName()).isEqualTo("nightly-20260301-100000");
      Instant triggeredAt = Instant.parse(status.getLastBackup().getStartedAt());
      assertThat(triggeredAt)
          .isAfterOrEqualTo(Instant.parse("2026-03-01T10:00:00Z"))
          .isBefore(Instant.parse("2026-03-01T10:00:15Z"));
      assertThat(on.nextRunGauge("nightly")).contains(epochSeconds("2026-03-01T10:01:00Z"));

      // The backup completes shortly before the next slot; the schedule reports it, then fires.
      on.clock.set(Instant.parse("2026-03-01T10:00:58Z"));
      on.backupStatus(
          "nightly-20260301-100000",
          Phase.Completed,
          "2026-03-01T10:00:00Z",
          "2026-03-01T10:00:40Z");
      on.awaitBackup("nightly-20260301-100100");
      status = on.awaitNextBackupTime("nightly", "2026-03-01T10:02:00Z");
      assertThat(status.getLastBackup().getName()).isEqualTo("nightly-20260301-100100");
      assertThat(status.getStatistics().getSuccessfulBackups()).isEqualTo(1L);
      assertThat(status.getStatistics().getFailedBackups()).isZero();
      assertThat(status.getStatistics().getTotalBackups()).isEqualTo(1L);
      assertThat(status.getRecentBackups())
          .extracting(b -> b.getName() + "=" + b.getStatus())
          .containsExactly("nightly-20260301-100100=Pending", "nightly-20260301-100000=Completed");
      assertThat(on.events("nightly", "BackupTriggered")).hasSize(2);
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void aScheduleInATimeZoneFiresAtThatZonesTime(MockKubernetes kubernetes) {
    // 11:00 in Berlin (CET, UTC+1) is 10:00 UTC; backups are named in UTC.
    try (ScheduleOnMock on = new ScheduleOnMock(kubernetes, "sched-zone", "2026-03-01T09:59:57Z")) {
      DatabaseBackupSchedule schedule = schedule("berlin", "0 11 * * *");
      schedule.getSpec().setTimezone("Europe/Berlin");
      on.create(schedule);
      on.awaitBackup("berlin-20260301-100000");
      on.awaitNextBackupTime("berlin", "2026-03-02T10:00:00Z");
    }
  }

  @Test
  void aPausedScheduleSkipsItsDueTimesAndAResumedOneFiresAtTheNext(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "sched-pause", "2026-03-01T09:58:30Z")) {
      on.create(schedule("hourly", "0 * * * *"));
      on.awaitNextBackupTime("hourly", "2026-03-01T10:00:00Z");

      on.edit("hourly", spec -> spec.setPaused(true));
      DatabaseBackupScheduleStatus paused = on.status("hourly");
      assertThat(paused.getPhase()).isEqualTo(DatabaseBackupScheduleStatus.Phase.Paused);
      assertThat(paused.getNextBackupTime()).isNull();
      assertThat(on.nextRunGauge("hourly")).isEmpty();
      assertThat(on.events("hourly", "Paused")).hasSize(1);

      // A pass after the 10:00 slot, still paused: no backup, and no second Paused.
      on.clock.set(Instant.parse("2026-03-01T10:00:05Z"));
      on.edit("hourly", spec -> spec.getTemplate().getMetadata().setLabels(Map.of("team", "ops")));
      assertThat(on.backups()).isEmpty();
      assertThat(on.events("hourly", "Paused")).hasSize(1);
      assertThat(on.status("hourly").getPhase())
          .isEqualTo(DatabaseBackupScheduleStatus.Phase.Paused);

      // Resumed shortly before 11:00: the missed 10:00 is not made up, 11:00 fires.
      on.clock.set(Instant.parse("2026-03-01T10:59:57Z"));
      on.edit("hourly", spec -> spec.setPaused(false));
      on.awaitEvent("hourly", "Resumed");
      on.awaitBackup("hourly-20260301-110000");
      assertThat(on.backupNames()).containsExactly("hourly-20260301-110000");
      assertThat(on.events("hourly", "Resumed")).hasSize(1);
      assertAllInCatalog(on.operator.events());
    }
  }

  @Test
  void forbidSkipsTheRunWhileABackupIsStillRunning(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "sched-forbid", "2026-03-01T09:59:57Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "* * * * *");
      schedule.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Forbid);
      on.create(schedule);
      on.awaitBackup("nightly-20260301-100000");

      on.clock.set(Instant.parse("2026-03-01T10:00:58Z"));
      on.backupStatus("nightly-20260301-100000", Phase.Running, "2026-03-01T10:00:01Z", null);

      DatabaseBackupScheduleStatus status =
          on.awaitNextBackupTime("nightly", "2026-03-01T10:02:00Z");
      assertThat(status.getMessage())
          .contains("skipped the backup due at 2026-03-01T10:01:00Z")
          .contains("nightly-20260301-100000 is still running");
      assertThat(on.backupNames()).containsExactly("nightly-20260301-100000");
      assertThat(on.events("nightly", "BackupTriggered")).hasSize(1);
      assertThat(status.getLastBackup().getStatus()).isEqualTo("Running");
    }
  }

  @Test
  void allowStartsASecondBackupBesideTheRunningOne(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "sched-allow", "2026-03-01T09:59:57Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "* * * * *");
      schedule.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Allow);
      on.create(schedule);
      on.awaitBackup("nightly-20260301-100000");

      on.clock.set(Instant.parse("2026-03-01T10:00:58Z"));
      on.backupStatus("nightly-20260301-100000", Phase.Running, "2026-03-01T10:00:01Z", null);

      on.awaitBackup("nightly-20260301-100100");
      assertThat(on.backupNames())
          .containsExactly("nightly-20260301-100000", "nightly-20260301-100100");
    }
  }

  @Test
  void replaceDeletesTheRunningBackupAndStartsANewOne(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "sched-replace", "2026-03-01T09:59:57Z")) {
      DatabaseBackupSchedule schedule = schedule("nightly", "* * * * *");
      schedule.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Replace);
      on.create(schedule);
      on.awaitBackup("nightly-20260301-100000");

      on.clock.set(Instant.parse("2026-03-01T10:00:58Z"));
      on.backupStatus("nightly-20260301-100000", Phase.Running, "2026-03-01T10:00:01Z", null);

      on.awaitBackup("nightly-20260301-100100");
      on.operator.awaitGone(DatabaseBackup.class, "nightly-20260301-100000");
      assertThat(on.backupNames()).containsExactly("nightly-20260301-100100");
      assertThat(on.events("nightly", "BackupTriggered"))
          .anySatisfy(
              e ->
                  assertThat(e.getMessage())
                      .contains("nightly-20260301-100100")
                      .contains("replaced running nightly-20260301-100000"));
    }
  }

  @Test
  void retentionDeletesExactlyTheCompletedBackupsNoRuleKeeps(MockKubernetes kubernetes) {
    try (ScheduleOnMock on =
        new ScheduleOnMock(kubernetes, "sched-retain", "2026-03-10T10:00:30Z")) {
      DatabaseBackupSchedule schedule = on.create(schedule("daily", "0 3 * * *"));
      on.awaitNextBackupTime("daily", "2026-03-11T03:00:00Z");

      // History: two backups on the 10th, one on each of the 9th, 8th, 7th and 1st.
      Map<String, String> completed =
          Map.of(
              "daily-a", "2026-03-10T09:00:00Z",
              "daily-b", "2026-03-10T03:00:00Z",
              "daily-c", "2026-03-09T03:00:00Z",
              "daily-d", "2026-03-08T03:00:00Z",
              "daily-e", "2026-03-07T03:00:00Z",
              "daily-f", "2026-03-01T03:00:00Z");
      completed.forEach(
          (name, startedAt) -> {
            ownedBackup(on, schedule, name);
            on.backupStatus(name, Phase.Completed, startedAt, startedAt);
          });
      ownedBackup(on, schedule, "daily-failed");
      on.backupStatus("daily-failed", Phase.Failed, "2026-02-01T03:00:00Z", "2026-02-01T03:01:00Z");
      ownedBackup(on, schedule, "daily-running");
      on.backupStatus("daily-running", Phase.Running, "2026-03-10T10:00:00Z", null);
      on.awaitStatus(
          "daily",
          s -> s.getStatistics() != null && s.getStatistics().getSuccessfulBackups() == 6L);

      // keepLast 1 keeps a; keepDaily 3 keeps the newest of the 10th, 9th and 8th: a, c, d.
      on.edit(
          "daily",
          spec -> {
            BackupRetentionSpec retention = new BackupRetentionSpec();
            retention.setKeepLast(1);
            retention.setKeepDaily(3);
            spec.setRetention(retention);
          });

      assertThat(on.awaitEvent("daily", "RetentionApplied").getMessage())
          .contains("deleted 3 of 6 completed backups, kept 3")
          .contains("daily-b, daily-e, daily-f");
      assertThat(on.backupNames())
          .containsExactly("daily-a", "daily-c", "daily-d", "daily-failed", "daily-running");
      DatabaseBackupScheduleStatus status =
          on.awaitStatus("daily", s -> s.getStatistics().getSuccessfulBackups() == 3L);
      assertThat(status.getStatistics().getFailedBackups()).isEqualTo(1L);
      assertThat(status.getStatistics().getTotalBackups()).isEqualTo(4L);
    }
  }

  /** A backup the schedule owns, as if it had created it earlier. */
  static void ownedBackup(ScheduleOnMock on, DatabaseBackupSchedule schedule, String name) {
    DatabaseBackup backup = ScheduledBackupTemplate.backupFor(schedule, Instant.EPOCH);
    backup.setMetadata(
        new ObjectMetaBuilder(backup.getMetadata())
            .withName(name)
            .withResourceVersion(null)
            .build());
    on.operator.create(backup);
  }
}
