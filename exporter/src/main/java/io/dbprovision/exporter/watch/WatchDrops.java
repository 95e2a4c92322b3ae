package io.dbprovision.exporter.watch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the watches that break and are re-opened behind the informers' backs. fabric8 (7.5)
 * re-opens a dropped watch connection by itself, with backoff, and only logs it: the informer's
 * exception handler ({@link WatchErrors}) never hears of it. The informers do say whether their
 * watch is open; this checks them every {@link #CHECK_INTERVAL} and counts one watch error per
 * outage of a watch that was open, however long the outage lasts.
 *
 * <p>Not every closed watch is an error: the API server ends each watch after its {@code
 * timeoutSeconds} (fabric8's informers ask for 10 minutes, 5 at least) and fabric8 re-opens it
 * after its first backoff step (1 s), which looks the same from here. So an outage counts when the
 * watch had been open for less than {@link #ROUTINE_WATCH_AGE} (it broke early) and was found
 * closed at two checks in a row, or, after a watch that lived that long, when it stays closed past
 * {@link #ROUTINE_REOPEN} (re-opening failed at least once). Not counted: a watch that breaks after
 * five minutes and re-opens at the first attempt, and one that breaks before any check saw it open.
 */
public final class WatchDrops {
  /** A quarter of fabric8's first reconnect backoff (1 s): a failure spans several checks. */
  public static final Duration CHECK_INTERVAL = Duration.ofMillis(250);

  /** fabric8's shortest watch timeout: a watch closing after this long may be expiring. */
  static final Duration ROUTINE_WATCH_AGE = Duration.ofMinutes(5);

  /** fabric8's first reconnect backoff (1 s) and the time to re-open: longer means it failed. */
  static final Duration ROUTINE_REOPEN = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(WatchDrops.class);
  private static final int CHECKS_TO_COUNT = 2;

  private final Runnable counter;
  private final LongSupplier nanoTime;
  private final List<Watched> watched = new CopyOnWriteArrayList<>();

  /** One watch and what the last checks found. Guarded by the enclosing instance. */
  private static final class Watched {
    private final String what;
    private final BooleanSupplier open;
    private boolean seenOpen;
    private long openSince;
    private long closedSince;
    private int closedChecks;
    private boolean counted;

    Watched(String what, BooleanSupplier open) {
      this.what = what;
      this.open = open;
    }
  }

  /**
   * @param counter counts {@code watch_errors_total}
   */
  public WatchDrops(Runnable counter) {
    this(counter, System::nanoTime);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds (tests drive it)
   */
  WatchDrops(Runnable counter, LongSupplier nanoTime) {
    this.counter = counter;
    this.nanoTime = nanoTime;
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
    long now = nanoTime.getAsLong();
    for (Watched w : watched) {
      if (isOpen(w)) {
        if (w.counted) {
          LOG.info("watch on {} is open again", w.what);
        }
        if (!w.seenOpen || w.closedChecks > 0) {
          w.openSince = now;
        }
        w.seenOpen = true;
        w.closedChecks = 0;
        w.counted = false;
      } else if (w.seenOpen) {
        if (w.closedChecks++ == 0) {
          w.closedSince = now;
        }
        if (!w.counted && broke(w, now)) {
          w.counted = true;
          counter.run();
          LOG.warn("watch on {} broke; the client is re-opening it", w.what);
        }
      }
    }
  }

  private static boolean broke(Watched w, long now) {
    boolean oldEnoughToExpire = w.closedSince - w.openSince >= ROUTINE_WATCH_AGE.toNanos();
    if (oldEnoughToExpire) {
      return now - w.closedSince > ROUTINE_REOPEN.toNanos();
    }
    return w.closedChecks >= CHECKS_TO_COUNT;
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
