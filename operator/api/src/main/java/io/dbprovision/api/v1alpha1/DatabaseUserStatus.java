package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed and did for a DatabaseUser. */
public class DatabaseUserStatus extends ResourceStatus {
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

  @JsonPropertyDescription("The credentials Secret.")
  private SecretInfo secret;

  @JsonPropertyDescription("Password rotation schedule.")
  private RotationStatus rotation;

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

  public SecretInfo getSecret() {
    return secret;
  }

  public void setSecret(SecretInfo secret) {
    this.secret = secret;
  }

  public RotationStatus getRotation() {
    return rotation;
  }

  public void setRotation(RotationStatus rotation) {
    this.rotation = rotation;
  }
}
