package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed and did for a DatabaseInstance. */
public class DatabaseInstanceStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Ready,
    Failed,
    Deleting
  }

  @JsonPropertyDescription(
      "Pending until the first check, Ready while reachable, Failed otherwise.")
  private Phase phase;

  @JsonPropertyDescription("The server's version string, as reported by its last health check.")
  private String version;

  @JsonPropertyDescription("When the last health check ran (RFC 3339).")
  private String lastCheckedAt;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getLastCheckedAt() {
    return lastCheckedAt;
  }

  public void setLastCheckedAt(String lastCheckedAt) {
    this.lastCheckedAt = lastCheckedAt;
  }
}
