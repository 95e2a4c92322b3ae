package io.dbprovision.exporter.watch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the watches that break and are re-opened behind the informers' backs. fabric8 (7.5)
 * re-opens a dropped watch connection by itself, with backoff, and only logs it: the informer's
 * exception handler ({@link WatchErrors}) never hears of it. The informers do say whether their
 * watch is open; this checks them on a schedule and counts one watch error when a watch that was
 * open has been found closed at two checks in a row, however long the outage then lasts.
 *
 * <p>Two checks, {@link #CHECK_INTERVAL} apart, separate failures from routine: an informer's own
 * periodic re-watch closes one watch and opens the next within milliseconds, while fabric8 waits
 * its reconnect backoff (a second at least) before re-opening a watch that failed. A watch that
 * breaks before any check saw it open (within a quarter second of its start) is not counted.
 */
public final class WatchDrops {
  /** A quarter of fabric8's shortest reconnect backoff (1 s): a failure spans several checks. */
  public static final Duration CHECK_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(WatchDrops.class);
  private static final int CHECKS_TO_COUNT = 2;

  private final Runnable counter;
  private final List<Watched> watched = new CopyOnWriteArrayList<>();

  /** One watch and what the last checks found. Guarded by the enclosing instance. */
  private static final class Watched {
    private final String what;
    private final BooleanSupplier open;
    private boolean seenOpen;
    private int closedChecks;

    Watched(String what, BooleanSupplier open) {
      this.what = what;
      this.open = open;
    }
  }

  /**
   * @param counter counts {@code watch_errors_total}
   */
  public WatchDrops(Runnable counter) {
    this.counter = counter;
  }

  /**
   * Follows one watch from now on; it counts only once it has been open (a watch that never opens
   * fails the informer's start, which {@link WatchErrors} counts).
   */
  public void add(String what, BooleanSupplier open) {
    watched.add(new Watched(what, open));
  }

  /** Checks every watch once (the schedule calls this; tests call it directly). */
  public synchronized void check() {
    for (Watched w : watched) {
      if (isOpen(w)) {
        if (w.closedChecks >= CHECKS_TO_COUNT) {
          LOG.info("watch on {} is open again", w.what);
        }
        w.seenOpen = true;
        w.closedChecks = 0;
      } else if (w.seenOpen && ++w.closedChecks == CHECKS_TO_COUNT) {
        counter.run();
        LOG.warn("watch on {} broke; the client is re-opening it", w.what);
      }
    }
  }

  /**
   * fabric8 (7.5) {@code isWatching()} throws (a null watch) while an informer swaps its watch:
   * closed, for this purpose.
   */
  private static boolean isOpen(Watched w) {
    try {
      return w.open.getAsBoolean();
    } catch (RuntimeException betweenWatches) {
      return false;
    }
  }

  /** Checks every {@link #CHECK_INTERVAL} until the returned future is cancelled. */
  public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
    long every = CHECK_INTERVAL.toMillis();
    return scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            check();
          } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep checking.
            LOG.warn("checking the watches failed: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }
}
