package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Which completed backups a schedule keeps; every other completed backup is deleted. */
public class BackupRetentionSpec {
  @Min(0)
  @JsonPropertyDescription("Keep this many of the newest backups.")
  private Integer keepLast;

  @Min(0)
  @JsonPropertyDescription("Keep the newest backup of each of the last N hours that have one.")
  private Integer keepHourly;

  @Min(0)
  @JsonPropertyDescription("Keep the newest backup of each of the last N days that have one.")
  private Integer keepDaily;

  @Min(0)
  @JsonPropertyDescription("Keep the newest backup of each of the last N ISO weeks that have one.")
  private Integer keepWeekly;

  @Min(0)
  @JsonPropertyDescription("Keep the newest backup of each of the last N months that have one.")
  private Integer keepMonthly;

  @Min(0)
  @JsonPropertyDescription("Keep the newest backup of each of the last N years that have one.")
  private Integer keepYearly;

  public Integer getKeepLast() {
    return keepLast;
  }

  public void setKeepLast(Integer keepLast) {
    this.keepLast = keepLast;
  }

  public Integer getKeepHourly() {
    return keepHourly;
  }

  public void setKeepHourly(Integer keepHourly) {
    this.keepHourly = keepHourly;
  }

  public Integer getKeepDaily() {
    return keepDaily;
  }

  public void setKeepDaily(Integer keepDaily) {
    this.keepDaily = keepDaily;
  }

  public Integer getKeepWeekly() {
    return keepWeekly;
  }

  public void setKeepWeekly(Integer keepWeekly) {
    this.keepWeekly = keepWeekly;
  }

  public Integer getKeepMonthly() {
    return keepMonthly;
  }

  public void setKeepMonthly(Integer keepMonthly) {
    this.keepMonthly = keepMonthly;
  }

  public Integer getKeepYearly() {
    return keepYearly;
  }

  public void setKeepYearly(Integer keepYearly) {
    this.keepYearly = keepYearly;
  }
}
