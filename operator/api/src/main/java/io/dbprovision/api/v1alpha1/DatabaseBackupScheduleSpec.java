package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** When to back up. */
public class DatabaseBackupScheduleSpec {
  /** A cron expression (five fields, or a descriptor such as @daily). */
  @Required private String schedule;

  /** While true, no backup is triggered. */
  @Default("false")
  private Boolean paused;

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }
}
