package io.dbprovision.operator.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.BackupObjectInfo;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus.Phase;
import io.dbprovision.api.v1alpha1.ScheduleStatistics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledBackupsTest {

  private static DatabaseBackup backup(String name, Phase phase, String startedAt) {
    DatabaseBackup backup = new DatabaseBackup();
    backup.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withCreationTimestamp("2026-11-01T00:00:00Z")
            .build());
    if (phase != null) {
      DatabaseBackupStatus status = new DatabaseBackupStatus();
      status.setPhase(phase);
      status.setStartedAt(startedAt);
      backup.setStatus(status);
    }
    return backup;
  }

  private static DatabaseBackup completed(String name, String startedAt, long seconds, long bytes) {
    DatabaseBackup backup = backup(name, Phase.Completed, startedAt);
    backup.getStatus().setDurationSeconds(seconds);
    BackupObjectInfo stored = new BackupObjectInfo();
    stored.setCompressedSizeBytes(bytes);
    backup.getStatus().setBackup(stored);
    return backup;
  }

  private final ScheduledBackups backups =
      ScheduledBackups.of(
          List.of(
              completed("c1", "2026-11-20T03:00:00Z", 10, 100),
              completed("c2", "2026-11-21T03:00:00Z", 20, 300),
              completed("c3", "2026-11-22T03:00:00Z", 30, 500),
              backup("f1", Phase.Failed, "2026-11-19T03:00:00Z"),
              backup("f2", Phase.Failed, "2026-11-23T03:00:00Z"),
              backup("r1", Phase.Running, "2026-11-24T03:00:00Z"),
              backup("new", null, null)));

  @Test
  void backupsWithoutAFinalPhaseAreRunningOldestFirst() {
    assertThat(backups.running()).containsExactly("new", "r1");
  }

  @Test
  void completedBackupsAreTakenWhenTheirDumpStarted() {
    assertThat(backups.completed())
        .containsExactly(
            new RetainedBackup("c3", Instant.parse("2026-11-22T03:00:00Z")),
            new RetainedBackup("c2", Instant.parse("2026-11-21T03:00:00Z")),
            new RetainedBackup("c1", Instant.parse("2026-11-20T03:00:00Z")));
  }

  @Test
  void statisticsCountFinishedBackupsAndAverageTheCompletedOnes() {
    ScheduleStatistics statistics = backups.statistics();
    assertThat(statistics.getSuccessfulBackups()).isEqualTo(3);
    assertThat(statistics.getFailedBackups()).isEqualTo(2);
    assertThat(statistics.getTotalBackups()).isEqualTo(5);
    assertThat(statistics.getAverageDurationSeconds()).isEqualTo(20);
    assertThat(statistics.getAverageSizeBytes()).isEqualTo(300);
    assertThat(statistics.getTotalStorageBytes()).isEqualTo(900);
  }

  @Test
  void recentListsEveryRunningBackupAndTheNewestFinishedOnesWithinTheLimits() {
    assertThat(backups.recent(2, 1))
        .extracting(b -> b.getName() + "=" + b.getStatus())
        .containsExactly("r1=Running", "f2=Failed", "c3=Completed", "c2=Completed", "new=Pending");
  }

  @Test
  void aPassSeesWhatItCreatedAndDeletedAndNothingThatIsBeingDeleted() {
    DatabaseBackup leaving = completed("leaving", "2026-11-25T03:00:00Z", 1, 1);
    leaving.getMetadata().setDeletionTimestamp("2026-11-25T04:00:00Z");
    ScheduledBackups after =
        ScheduledBackups.of(List.of(completed("c1", "2026-11-20T03:00:00Z", 1, 1), leaving))
            .plus(backup("made", null, null))
            .minus(List.of("c1"));
    assertThat(after.running()).containsExactly("made");
    assertThat(after.completed()).isEmpty();
    assertThat(after.statistics().getAverageSizeBytes()).isNull();
    assertThat(after.statistics().getTotalStorageBytes()).isZero();
  }
}
