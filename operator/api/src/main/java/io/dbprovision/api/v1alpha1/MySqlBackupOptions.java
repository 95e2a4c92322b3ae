package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Dump client options for MySQL and MariaDB databases. */
public class MySqlBackupOptions {
  @Default("true")
  @JsonPropertyDescription("Dump InnoDB tables in one consistent transaction without locking them.")
  private Boolean singleTransaction = Boolean.TRUE;

  @Default("true")
  @JsonPropertyDescription(
      "Stream rows one at a time instead of buffering whole tables in the client.")
  private Boolean quick = Boolean.TRUE;

  @Default("true")
  @JsonPropertyDescription("Include stored procedures and functions.")
  private Boolean routines = Boolean.TRUE;

  @Default("true")
  @JsonPropertyDescription("Include triggers.")
  private Boolean triggers = Boolean.TRUE;

  @Default("true")
  @JsonPropertyDescription("Include scheduled events.")
  private Boolean events = Boolean.TRUE;

  public Boolean getSingleTransaction() {
    return singleTransaction;
  }

  public void setSingleTransaction(Boolean singleTransaction) {
    this.singleTransaction = singleTransaction;
  }

  public Boolean getQuick() {
    return quick;
  }

  public void setQuick(Boolean quick) {
    this.quick = quick;
  }

  public Boolean getRoutines() {
    return routines;
  }

  public void setRoutines(Boolean routines) {
    this.routines = routines;
  }

  public Boolean getTriggers() {
    return triggers;
  }

  public void setTriggers(Boolean triggers) {
    this.triggers = triggers;
  }

  public Boolean getEvents() {
    return events;
  }

  public void setEvents(Boolean events) {
    this.events = events;
  }
}
