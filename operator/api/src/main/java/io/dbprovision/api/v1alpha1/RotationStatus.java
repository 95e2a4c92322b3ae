package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Password rotation schedule state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RotationStatus {
  @JsonPropertyDescription("When the password was last rotated (RFC 3339).")
  private String lastRotatedAt;

  @JsonPropertyDescription("When the next rotation is due (RFC 3339).")
  private String nextRotationAt;

  public String getLastRotatedAt() {
    return lastRotatedAt;
  }

  public void setLastRotatedAt(String lastRotatedAt) {
    this.lastRotatedAt = lastRotatedAt;
  }

  public String getNextRotationAt() {
    return nextRotationAt;
  }

  public void setNextRotationAt(String nextRotationAt) {
    this.nextRotationAt = nextRotationAt;
  }
}
