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
    if (firstDue.isEmpty()) {
      return new Evaluation(false, Optional.empty(), schedule.nextAfter(now));
    }
    return waitingFor(schedule, firstDue.get(), now);
  }

  /**
   * Evaluates a schedule that has been waiting for {@code slot} (the next backup time it reported
   * last): due once {@code now} reaches the slot. Slots passed since then collapse into one
   * trigger, named after the latest of them.
   */
  public static Evaluation waitingFor(CronSchedule schedule, Instant slot, Instant now) {
    Optional<Instant> next = schedule.nextAfter(now);
    if (slot.isAfter(now)) {
      return new Evaluation(false, Optional.empty(), next);
    }
    Instant latest = schedule.latestAtOrBefore(now).orElse(slot);
    return new Evaluation(true, Optional.of(latest.isBefore(slot) ? slot : latest), next);
  }
}
