package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How far a running restore has got. */
public class RestoreProgress {
  @JsonPropertyDescription("Percentage of the stored backup read so far.")
  private Integer percentage;

  @JsonPropertyDescription("Step the restore is in: Validating, Restoring or Completed.")
  private String currentPhase;

  @JsonPropertyDescription("Stored bytes read so far.")
  private Long bytes;

  public Integer getPercentage() {
    return percentage;
  }

  public void setPercentage(Integer percentage) {
    this.percentage = percentage;
  }

  public String getCurrentPhase() {
    return currentPhase;
  }

  public void setCurrentPhase(String currentPhase) {
    this.currentPhase = currentPhase;
  }

  public Long getBytes() {
    return bytes;
  }

  public void setBytes(Long bytes) {
    this.bytes = bytes;
  }
}
