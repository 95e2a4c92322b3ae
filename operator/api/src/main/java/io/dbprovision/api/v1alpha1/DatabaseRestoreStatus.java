package io.dbprovision.api.v1alpha1;

/** What the operator observed and did for a DatabaseRestore. */
public class DatabaseRestoreStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Running,
    Completed,
    Failed
  }

  private Phase phase;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }
}
