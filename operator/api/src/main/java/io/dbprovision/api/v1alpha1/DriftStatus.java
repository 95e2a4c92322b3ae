package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Result of the last drift check. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftStatus {
  @JsonPropertyDescription("True when the last check found differences.")
  private Boolean detected;

  @JsonPropertyDescription("When the last check ran (RFC 3339).")
  private String lastChecked;

  @JsonPropertyDescription("The differences found by the last check.")
  private List<DriftDiff> diffs;

  public Boolean getDetected() {
    return detected;
  }

  public void setDetected(Boolean detected) {
    this.detected = detected;
  }

  public String getLastChecked() {
    return lastChecked;
  }

  public void setLastChecked(String lastChecked) {
    this.lastChecked = lastChecked;
  }

  public List<DriftDiff> getDiffs() {
    return diffs;
  }

  public void setDiffs(List<DriftDiff> diffs) {
    this.diffs = diffs;
  }
}
