package io.dbprovision.api.v1alpha1;

/** What the operator observed and did for a DatabaseGrant. */
public class DatabaseGrantStatus extends ResourceStatus {
  /** Where the resource is in its life; every value the operator writes is listed here. */
  public enum Phase {
    Pending,
    Creating,
    Ready,
    Failed,
    Deleting
  }

  private Phase phase;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }
}
