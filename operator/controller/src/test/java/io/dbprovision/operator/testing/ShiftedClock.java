package io.dbprovision.operator.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, shifted to read a time the test chooses; unlike {@link TestClock} it keeps
 * running, so timers in real time (JOSDK's reschedules) meet the times it reads. Thread-safe.
 */
public final class ShiftedClock extends Clock {
  private final Clock system = Clock.systemUTC();
  private volatile Duration shift = Duration.ZERO;

  /** From now on the clock reads {@code instant}, and runs on from there. */
  public synchronized void set(Instant instant) {
    shift = Duration.between(system.instant(), instant);
  }

  public static ShiftedClock at(String instant) {
    ShiftedClock clock = new ShiftedClock();
    clock.set(Instant.parse(instant));
    return clock;
  }

  @Override
  public Instant instant() {
    return system.instant().plus(shift);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a shifted clock has one zone, UTC");
  }
}
