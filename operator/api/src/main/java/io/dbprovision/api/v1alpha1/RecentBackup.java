package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One entry of a schedule's recent backups. */
public class RecentBackup {
  @JsonPropertyDescription("Name of the DatabaseBackup.")
  private String name;

  @JsonPropertyDescription("Phase of the DatabaseBackup.")
  private String status;

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
}
