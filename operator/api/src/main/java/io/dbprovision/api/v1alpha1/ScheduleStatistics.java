package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Totals over the backups a schedule has created and still owns. */
public class ScheduleStatistics {
  @JsonPropertyDescription("Backups that finished, successfully or not.")
  private Long totalBackups;

  @JsonPropertyDescription("Backups that completed.")
  private Long successfulBackups;

  @JsonPropertyDescription("Backups that failed.")
  private Long failedBackups;

  @JsonPropertyDescription("Average duration of completed backups.")
  private Long averageDurationSeconds;

  @JsonPropertyDescription("Average stored size of completed backups.")
  private Long averageSizeBytes;

  @JsonPropertyDescription("Stored bytes of all completed backups.")
  private Long totalStorageBytes;

  public Long getTotalBackups() {
    return totalBackups;
  }

  public void setTotalBackups(Long totalBackups) {
    this.totalBackups = totalBackups;
  }

  public Long getSuccessfulBackups() {
    return successfulBackups;
  }

  public void setSuccessfulBackups(Long successfulBackups) {
    this.successfulBackups = successfulBackups;
  }

  public Long getFailedBackups() {
    return failedBackups;
  }

  public void setFailedBackups(Long failedBackups) {
    this.failedBackups = failedBackups;
  }

  public Long getAverageDurationSeconds() {
    return averageDurationSeconds;
  }

  public void setAverageDurationSeconds(Long averageDurationSeconds) {
    this.averageDurationSeconds = averageDurationSeconds;
  }

  public Long getAverageSizeBytes() {
    return averageSizeBytes;
  }

  public void setAverageSizeBytes(Long averageSizeBytes) {
    this.averageSizeBytes = averageSizeBytes;
  }

  public Long getTotalStorageBytes() {
    return totalStorageBytes;
  }

  public void setTotalStorageBytes(Long totalStorageBytes) {
    this.totalStorageBytes = totalStorageBytes;
  }
}
