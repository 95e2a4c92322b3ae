package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where a restore read from and wrote to. */
public class RestoreResultInfo {
  @JsonPropertyDescription("Name of the DatabaseBackup restored from.")
  private String sourceBackup;

  @JsonPropertyDescription("Name of the DatabaseInstance restored into.")
  private String targetInstance;

  @JsonPropertyDescription("Name of the database restored into.")
  private String targetDatabase;

  public String getSourceBackup() {
    return sourceBackup;
  }

  public void setSourceBackup(String sourceBackup) {
    this.sourceBackup = sourceBackup;
  }

  public String getTargetInstance() {
    return targetInstance;
  }

  public void setTargetInstance(String targetInstance) {
    this.targetInstance = targetInstance;
  }

  public String getTargetDatabase() {
    return targetDatabase;
  }

  public void setTargetDatabase(String targetDatabase) {
    this.targetDatabase = targetDatabase;
  }
}
