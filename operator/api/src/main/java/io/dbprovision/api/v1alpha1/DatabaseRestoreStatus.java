package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed and did for a DatabaseRestore. */
public class DatabaseRestoreStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Running,
    Completed,
    Failed
  }

  @JsonPropertyDescription(
      "Pending until validation passes, Running while data streams in, then Completed or Failed.")
  private Phase phase;

  @JsonPropertyDescription("When the restore started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the restore completed or failed (RFC 3339).")
  private String completedAt;

  @JsonPropertyDescription("Seconds from start to completion.")
  private Long durationSeconds;

  @JsonPropertyDescription("Progress of the restore, updated at most every few seconds.")
  private RestoreProgress progress;

  @JsonPropertyDescription("Source backup and target database.")
  private RestoreResultInfo restore;

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

  public RestoreProgress getProgress() {
    return progress;
  }

  public void setProgress(RestoreProgress progress) {
    this.progress = progress;
  }

  public RestoreResultInfo getRestore() {
    return restore;
  }

  public void setRestore(RestoreResultInfo restore) {
    this.restore = restore;
  }
}
