package io.dbprovision.api.v1alpha1;

/** What the operator observed and did for a DatabaseInstance. */
public class DatabaseInstanceStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Ready,
    Failed
  }

  private Phase phase;

  /** The server's version string, as reported by its last health check. */
  private String version;

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
}
