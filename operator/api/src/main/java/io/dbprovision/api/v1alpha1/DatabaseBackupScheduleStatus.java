package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did for a DatabaseBackupSchedule. */
public class DatabaseBackupScheduleStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Active,
    Paused,
    Failed
  }

  @JsonPropertyDescription(
      "Active while triggering backups, Paused while spec.paused is true, Failed when it cannot act.")
  private Phase phase;

  @JsonPropertyDescription("When the next backup is due (RFC 3339, UTC); absent while paused.")
  private String nextBackupTime;

  @JsonPropertyDescription("The backup triggered most recently.")
  private ScheduledBackupInfo lastBackup;

  @JsonPropertyDescription("Totals over the backups this schedule owns.")
  private ScheduleStatistics statistics;

  @JsonPropertyDescription("Newest backups first, within the history limits.")
  private List<RecentBackup> recentBackups = new ArrayList<>();

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public String getNextBackupTime() {
    return nextBackupTime;
  }

  public void setNextBackupTime(String nextBackupTime) {
    this.nextBackupTime = nextBackupTime;
  }

  public ScheduledBackupInfo getLastBackup() {
    return lastBackup;
  }

  public void setLastBackup(ScheduledBackupInfo lastBackup) {
    this.lastBackup = lastBackup;
  }

  public ScheduleStatistics getStatistics() {
    return statistics;
  }

  public void setStatistics(ScheduleStatistics statistics) {
    this.statistics = statistics;
  }

  public List<RecentBackup> getRecentBackups() {
    return recentBackups;
  }

  public void setRecentBackups(List<RecentBackup> recentBackups) {
    this.recentBackups = recentBackups;
  }
}
