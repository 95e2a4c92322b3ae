package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed and did for a DatabaseBackup. */
public class DatabaseBackupStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Running,
    Completed,
    Failed
  }

  @JsonPropertyDescription(
      "Pending until the dump starts, Running while it streams, then Completed or Failed.")
  private Phase phase;

  @JsonPropertyDescription("When the dump started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the backup completed or failed (RFC 3339).")
  private String completedAt;

  @JsonPropertyDescription("Seconds from start to completion.")
  private Long durationSeconds;

  @JsonPropertyDescription("Progress of a running backup, updated at most every few seconds.")
  private BackupProgress progress;

  @JsonPropertyDescription("The stored object of a completed backup.")
  private BackupObjectInfo backup;

  @JsonPropertyDescription("The database the backup was taken from.")
  private BackupSourceInfo source;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public Long getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Long durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public BackupProgress getProgress() {
    return progress;
  }

  public void setProgress(BackupProgress progress) {
    this.progress = progress;
  }

  public BackupObjectInfo getBackup() {
    return backup;
  }

  public void setBackup(BackupObjectInfo backup) {
    this.backup = backup;
  }

  public BackupSourceInfo getSource() {
    return source;
  }

  public void setSource(BackupSourceInfo source) {
    this.source = source;
  }
}
