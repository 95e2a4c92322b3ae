package io.dbprovision.exporter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchDropsTest {
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicBoolean open = new AtomicBoolean();
  private final AtomicLong now = new AtomicLong();
  private final WatchDrops drops = new WatchDrops(errors::incrementAndGet, now::get);

  {
    drops.add("Events in ns", open::get);
  }

  private void checks(boolean watching, int times) {
    open.set(watching);
    for (int i = 0; i < times; i++) {
      drops.check();
      now.addAndGet(WatchDrops.CHECK_INTERVAL.toNanos());
    }
  }

  @Test
  void aWatchDownForTwoChecksIsOneErrorHoweverLongItStaysDown() {
    checks(true, 3);
    checks(false, 10);

    assertThat(errors).hasValue(1);
  }

  @Test
  void eachOutageCountsOnce() {
    checks(true, 1);
    checks(false, 2);
    checks(true, 1);
    checks(false, 5);
    checks(true, 1);

    assertThat(errors).hasValue(2);
  }

  @Test
  void aRewatchSeenClosedAtASingleCheckIsRoutineNotAnError() {
    checks(true, 1);
    checks(false, 1);
    checks(true, 1);
    checks(false, 1);
    checks(true, 1);

    assertThat(errors).hasValue(0);
  }

  @Test
  void aWatchThatNeverOpenedIsNotCountedHere() {
    checks(false, 10);

    assertThat(errors).hasValue(0);
  }

  @Test
  void anInformerThatThrowsWhileSwappingItsWatchCountsAsClosed() {
    AtomicBoolean swapping = new AtomicBoolean();
    WatchDrops throwing = new WatchDrops(errors::incrementAndGet);
    throwing.add(
        "Events in ns",
        () -> {
          if (swapping.get()) {
            throw new NullPointerException("no watch future");
          }
          return true;
        });
    throwing.check();

    swapping.set(true);
    throwing.check();
    throwing.check();

    assertThat(errors).hasValue(1);
  }

  @Test
  void aWatchExpiringAfterMinutesAndReopenedAtTheFirstAttemptIsRoutine() {
    checks(true, 1);
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    checks(true, 1);
    checks(false, 5);
    checks(true, 1);

    assertThat(errors).as("closed 1.25 s after 10 minutes open: the server's timeout").hasValue(0);
  }

  @Test
  void anOldWatchThatCannotBeReopenedIsAnError() {
    checks(true, 1);
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    checks(true, 1);
    checks(false, 40);
    checks(true, 1);

    assertThat(errors).as("closed for 10 s: re-opening failed").hasValue(1);
  }
}
