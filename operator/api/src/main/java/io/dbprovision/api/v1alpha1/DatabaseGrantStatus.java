package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

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

  @JsonPropertyDescription(
      "Pending while its instance or referenced resources are not ready, Creating on the first pass,"
          + " Ready once the server matches the spec, Failed on an error, Deleting while it is removed.")
  private Phase phase;

  @JsonPropertyDescription("Result of the last drift check.")
  private DriftStatus drift;

  @JsonPropertyDescription("What the grant holds on the server.")
  private AppliedGrants appliedGrants;

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

  public AppliedGrants getAppliedGrants() {
    return appliedGrants;
  }

  public void setAppliedGrants(AppliedGrants appliedGrants) {
    this.appliedGrants = appliedGrants;
  }
}
