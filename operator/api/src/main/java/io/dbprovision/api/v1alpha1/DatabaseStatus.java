package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed and did for a Database. */
public class DatabaseStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Creating,
    Ready,
    Failed,
    Deleting
  }

  @JsonPropertyDescription(
      "Pending while its instance or referenced resources are not ready, Creating on the first pass,"
          + " Ready once the server matches the spec, Failed on an error, Deleting while it is removed.")
  private Phase phase;

  @JsonPropertyDescription("Result of the last drift check.")
  private DriftStatus drift;

  @JsonPropertyDescription("What the server reports about the database.")
  private DatabaseInfo database;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public DriftStatus getDrift() {
    return drift;
  }

  public void setDrift(DriftStatus drift) {
    this.drift = drift;
  }

  public DatabaseInfo getDatabase() {
    return database;
  }

  public void setDatabase(DatabaseInfo database) {
    this.database = database;
  }
}
