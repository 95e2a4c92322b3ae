package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The database a backup was taken from. */
public class BackupSourceInfo {
  @JsonPropertyDescription("Name of the DatabaseInstance.")
  private String instance;

  @JsonPropertyDescription("Name of the database on the server.")
  private String database;

  @JsonPropertyDescription("Engine of the server.")
  private String engine;

  @JsonPropertyDescription("Server version at the time of the backup.")
  private String version;

  @JsonPropertyDescription("When the dump started (RFC 3339).")
  private String timestamp;

  public String getInstance() {
    return instance;
  }

  public void setInstance(String instance) {
    this.instance = instance;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(String timestamp) {
    this.timestamp = timestamp;
  }
}
