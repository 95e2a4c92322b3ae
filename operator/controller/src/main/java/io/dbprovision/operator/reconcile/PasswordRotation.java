package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.PasswordRotationSpec;
import io.dbprovision.operator.backup.schedule.CronSchedule;
import io.dbprovision.operator.backup.schedule.InvalidScheduleException;
import io.dbprovision.operator.engine.InvalidSpecException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A DatabaseUser's {@code passwordRotation}: a five-field cron schedule in UTC, read against the
 * operator's clock. A rotation is due once the first scheduled time after the password was set
 * (created, regenerated or rotated) has passed; missed slots are caught up once, not one by one.
 */
final class PasswordRotation {
  /** Bounds of the wait for the next rotation, as the Go operator clamps it. */
  static final Duration SOONEST = Duration.ofSeconds(10);

  static final Duration LATEST = Duration.ofHours(1);

  private final CronSchedule schedule;

  private PasswordRotation(CronSchedule schedule) {
    this.schedule = schedule;
  }

  /** The rotation the spec asks for, or empty when it is absent or disabled. */
  static Optional<PasswordRotation> of(PasswordRotationSpec spec) throws InvalidSpecException {
    if (spec == null || !Boolean.TRUE.equals(spec.getEnabled())) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PasswordRotation(CronSchedule.parse(spec.getSchedule(), "UTC")));
    } catch (InvalidScheduleException e) {
      throw new InvalidSpecException(
          "schedule password rotation",
          "passwordRotation.schedule is not usable (" + e.getMessage() + ")");
    }
  }

  /**
   * The first scheduled time after {@code since} (when the password was set); empty if the schedule
   * never fires again.
   */
  Optional<Instant> next(Instant since) {
    return schedule.nextAfter(since);
  }

  boolean due(Instant since, Instant now) {
    return next(since).map(next -> !now.isBefore(next)).orElse(false);
  }

  /** How long to wait before looking again, clamped to [{@link #SOONEST}, {@link #LATEST}]. */
  static Duration wait(Optional<Instant> next, Instant now) {
    if (next.isEmpty()) {
      return LATEST;
    }
    Duration until = Duration.between(now, next.get());
    if (until.compareTo(SOONEST) < 0) {
      return SOONEST;
    }
    return until.compareTo(LATEST) > 0 ? LATEST : until;
  }
}
