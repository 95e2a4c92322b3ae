package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** When to back up, what each backup looks like, and how many to keep. */
public class DatabaseBackupScheduleSpec {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription(
      "Cron expression in five fields (minute hour day-of-month month day-of-week) or a descriptor: @yearly, @monthly, @weekly, @daily, @hourly.")
  private String schedule;

  @Default("UTC")
  @JsonPropertyDescription("IANA time zone the schedule is read in.")
  private String timezone = "UTC";

  @JsonPropertyDescription("While true, no backup is triggered.")
  private Boolean paused;

  @Default("Forbid")
  @JsonPropertyDescription(
      "What to do when a backup is due while an earlier one still runs: Allow a second, Forbid (skip this run), or Replace the running one.")
  private ConcurrencyPolicy concurrencyPolicy = ConcurrencyPolicy.Forbid;

  @Required
  @JsonPropertyDescription("The DatabaseBackup created each time the schedule fires.")
  private BackupTemplate template;

  @JsonPropertyDescription("Which completed backups are kept; all are kept when absent.")
  private BackupRetentionSpec retention;

  @Default("5")
  @Min(0)
  @JsonPropertyDescription("Completed backups listed in status.recentBackups.")
  private Integer successfulBackupsHistoryLimit = 5;

  @Default("3")
  @Min(0)
  @JsonPropertyDescription("Failed backups listed in status.recentBackups.")
  private Integer failedBackupsHistoryLimit = 3;

  @Default("true")
  @JsonPropertyDescription("Refuse to delete the schedule while true.")
  private Boolean deletionProtection = Boolean.TRUE;

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  public ConcurrencyPolicy getConcurrencyPolicy() {
    return concurrencyPolicy;
  }

  public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
    this.concurrencyPolicy = concurrencyPolicy;
  }

  public BackupTemplate getTemplate() {
    return template;
  }

  public void setTemplate(BackupTemplate template) {
    this.template = template;
  }

  public BackupRetentionSpec getRetention() {
    return retention;
  }

  public void setRetention(BackupRetentionSpec retention) {
    this.retention = retention;
  }

  public Integer getSuccessfulBackupsHistoryLimit() {
    return successfulBackupsHistoryLimit;
  }

  public void setSuccessfulBackupsHistoryLimit(Integer successfulBackupsHistoryLimit) {
    this.successfulBackupsHistoryLimit = successfulBackupsHistoryLimit;
  }

  public Integer getFailedBackupsHistoryLimit() {
    return failedBackupsHistoryLimit;
  }

  public void setFailedBackupsHistoryLimit(Integer failedBackupsHistoryLimit) {
    this.failedBackupsHistoryLimit = failedBackupsHistoryLimit;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }
}
