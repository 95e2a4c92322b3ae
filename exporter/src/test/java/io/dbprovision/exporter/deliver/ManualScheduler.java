package io.dbprovision.exporter.deliver;

import dev.failsafe.spi.Scheduler;
import io.dbprovision.exporter.normalize.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Failsafe's retries at once, moving the test clock by the delay asked for instead of waiting,
 * and remembers every delay.
 */
final class ManualScheduler implements Scheduler, AutoCloseable {
  private final MutableClock clock;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    if (delay > 0) {
      Duration duration = Duration.ofNanos(unit.toNanos(delay));
      delays.add(duration);
      clock.advance(duration);
    }
    return executor.schedule(callable, 0, TimeUnit.NANOSECONDS);
  }

  /** The retry delays so far, in order. */
  List<Duration> delays() {
    synchronized (delays) {
      return List.copyOf(delays);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
