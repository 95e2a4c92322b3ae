package io.dbprovision.exporter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchDropsTest {
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicBoolean open = new AtomicBoolean();
  private final WatchDrops drops = new WatchDrops(errors::incrementAndGet);

  {
    drops.add("Events in ns", open::get);
  }

  private void checks(boolean watching, int times) {
    open.set(watching);
    for (int i = 0; i < times; i++) {
      drops.check();
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
}
