package io.dbprovision.operator.backup.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week, as in crontab and
 * Kubernetes CronJobs) or a descriptor ({@code @yearly}, {@code @annually}, {@code @monthly},
 * {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly}), read in an IANA time zone.
 */
public final class CronSchedule {
  private static final CronDefinition DEFINITION =
      CronDefinitionBuilder.defineCron()
          .withMinutes()
          .withValidRange(0, 59)
          .withStrictRange()
          .and()
          .withHours()
          .withValidRange(0, 23)
          .withStrictRange()
          .and()
          .withDayOfMonth()
          .withValidRange(1, 31)
          .withStrictRange()
          .and()
          .withMonth()
          .withValidRange(1, 12)
          .withStrictRange()
          .and()
          .withDayOfWeek()
          .withValidRange(0, 7)
          .withMondayDoWValue(1)
          .withIntMapping(7, 0)
          .withStrictRange()
          .and()
          .matchDayOfWeekAndDayOfMonth()
          .withSupportedNicknameYearly()
          .withSupportedNicknameAnnually()
          .withSupportedNicknameMonthly()
          .withSupportedNicknameWeekly()
          .withSupportedNicknameDaily()
          .withSupportedNicknameMidnight()
          .withSupportedNicknameHourly()
          .instance();

  private static final CronParser PARSER = new CronParser(DEFINITION);

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime executionTime;

  private CronSchedule(String expression, ZoneId zone, Cron cron) {
    this.expression = expression;
    this.zone = zone;
    this.executionTime = ExecutionTime.forCron(cron);
  }

  /**
   * Reads an expression in a time zone ({@code UTC} when blank).
   *
   * @throws InvalidScheduleException naming the field and what is wrong with it
   */
  public static CronSchedule parse(String expression, String timeZone) {
    if (expression == null || expression.isBlank()) {
      throw new InvalidScheduleException("spec.schedule is empty");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim());
    } catch (DateTimeException e) {
      throw new InvalidScheduleException(
          "spec.timezone \"" + timeZone + "\" is not an IANA time zone name");
    }
    String trimmed = expression.trim();
    try {
      return new CronSchedule(trimmed, zone, PARSER.parse(trimmed).validate());
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException(
          "spec.schedule \""
              + trimmed
              + "\" is not a five-field cron expression: "
              + e.getMessage());
    }
  }

  /** The first scheduled time strictly after {@code instant}, if the expression ever fires. */
  public Optional<Instant> nextAfter(Instant instant) {
    return executionTime
        .nextExecution(ZonedDateTime.ofInstant(instant, zone))
        .map(ZonedDateTime::toInstant);
  }

  /** The latest scheduled time at or before {@code instant}. */
  public Optional<Instant> latestAtOrBefore(Instant instant) {
    // lastExecution is strictly before its argument; cron has minute resolution, so one second on
    // includes a slot that falls exactly on the instant.
    return executionTime
        .lastExecution(ZonedDateTime.ofInstant(instant.plusSeconds(1), zone))
        .map(ZonedDateTime::toInstant)
        .filter(slot -> !slot.isAfter(instant));
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
