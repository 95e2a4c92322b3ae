package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How far a running backup has got. */
public class BackupProgress {
  @JsonPropertyDescription("Bytes the dump client has written so far.")
  private Long bytes;

  @JsonPropertyDescription("Estimated percentage done, when the database size is known.")
  private Integer percentage;

  public Long getBytes() {
    return bytes;
  }

  public void setBytes(Long bytes) {
    this.bytes = bytes;
  }

  public Integer getPercentage() {
    return percentage;
  }

  public void setPercentage(Integer percentage) {
    this.percentage = percentage;
  }
}
