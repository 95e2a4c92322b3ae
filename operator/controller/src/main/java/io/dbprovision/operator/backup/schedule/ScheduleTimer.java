package io.dbprovision.operator.backup.schedule;

import java.time.Instant;
import java.util.Optional;

/** Whether a schedule is due now, and when it is due next. */
public final class ScheduleTimer {
  private ScheduleTimer() {}

  /**
   * What is due.
   *
   * @param due whether a backup should be triggered now
   * @param scheduledFor the slot the triggered backup stands for (the latest slot at or before
   *     now); empty when not due
   * @param nextBackupTime the first slot after now, for status and the requeue delay; empty when
   *     the expression never fires again
   */
  public record Evaluation(
      boolean due, Optional<Instant> scheduledFor, Optional<Instant> nextBackupTime) {}

  /**
   * Evaluates a schedule.
   *
   * @param since when the schedule last triggered, or when it was created if it never has
   * @param now the current time
   */
  public static Evaluation evaluate(CronSchedule schedule, Instant since, Instant now) {
    Optional<Instant> firstDue = schedule.nextAfter(since);
    Optional<Instant> next = schedule.nextAfter(now);
    if (firstDue.isEmpty() || firstDue.get().isAfter(now)) {
      return new Evaluation(false, Optional.empty(), next);
    }
    Instant slot = schedule.latestAtOrBefore(now).orElse(firstDue.get());
    if (slot.isBefore(firstDue.get())) {
      slot = firstDue.get();
    }
    return new Evaluation(true, Optional.of(slot), next);
  }
}
