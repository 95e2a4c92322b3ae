package io.dbprovision.operator.backup.schedule;

/** A schedule's cron expression or time zone cannot be read; the message names the field. */
public final class InvalidScheduleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidScheduleException(String message) {
    super(message);
  }
}
