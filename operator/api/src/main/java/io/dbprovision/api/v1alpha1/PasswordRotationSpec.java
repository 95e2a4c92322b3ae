package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** Scheduled password rotation: a new password is set on the server and written to the Secret. */
public class PasswordRotationSpec {
  @JsonPropertyDescription("Rotate on the schedule.")
  private Boolean enabled;

  @Pattern(Formats.CRON)
  @JsonPropertyDescription(
      "Five-field cron expression (minute hour day-of-month month day-of-week), in UTC.")
  private String schedule;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }
}
