package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A backup created by a schedule. */
public class ScheduledBackupInfo {
  @JsonPropertyDescription("Name of the DatabaseBackup.")
  private String name;

  @JsonPropertyDescription("Phase of the DatabaseBackup.")
  private String status;

  @JsonPropertyDescription("When it was triggered (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When it finished (RFC 3339).")
  private String completedAt;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
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
}
