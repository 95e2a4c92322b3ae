package io.dbprovision.operator.backup;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs backups and restores on a bounded pool of worker threads, never on the caller's thread. Each
 * run gets its deadline from when it starts on a worker; when the deadline passes its client
 * process is killed and the run ends with a DeadlineExceeded outcome. When every worker is busy and
 * the queue is full, a submission fails at once with {@link RejectedExecutionException}, and the
 * reconciler retries later.
 */
public final class BackupExecutor implements AutoCloseable {
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService deadlines;
  private final BackupPipeline backups;
  private final RestorePipeline restores;
  private final Set<Deadline> running = ConcurrentHashMap.newKeySet();

  /**
   * @param workers runs at the same time (each holds one client process and a few buffers)
   * @param queueCapacity runs that may wait for a worker
   */
  public BackupExecutor(
      int workers, int queueCapacity, BackupPipeline backups, RestorePipeline restores) {
    if (workers < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException("workers must be at least 1 and the queue not negative");
    }
    this.workers =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
            threads("backup-worker-"));
    this.deadlines = Executors.newSingleThreadScheduledExecutor(threads("backup-deadline-"));
    this.backups = backups;
    this.restores = restores;
  }

  /** Takes a backup; the future completes with its outcome, never exceptionally once started. */
  public CompletableFuture<BackupOutcome> backup(
      BackupRequest request, Duration deadline, ProgressListener listener) {
    return submit(d -> backups.run(request, listener, d), deadline);
  }

  /** Runs a restore; the future completes with its outcome, never exceptionally once started. */
  public CompletableFuture<RestoreOutcome> restore(
      RestoreRequest request, Duration deadline, ProgressListener listener) {
    return restore(request, deadline, listener, TargetPreparation.NONE);
  }

  /** Runs a restore that prepares its target with {@code preparation} once validation passed. */
  public CompletableFuture<RestoreOutcome> restore(
      RestoreRequest request,
      Duration deadline,
      ProgressListener listener,
      TargetPreparation preparation) {
    return submit(d -> restores.run(request, listener, d, preparation), deadline);
  }

  /** Runs waiting or running. */
  public int pending() {
    return workers.getQueue().size() + workers.getActiveCount();
  }

  private <T> CompletableFuture<T> submit(Function<Deadline, T> run, Duration limit) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      workers.execute(
          () -> {
            Deadline deadline = Deadline.of(limit);
            running.add(deadline);
            ScheduledFuture<?> timer =
                deadlines.schedule(deadline::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
              result.complete(run.apply(deadline));
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            } finally {
              timer.cancel(false);
              running.remove(deadline);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Stops taking work and kills the client processes of running runs, which end as if their
   * deadline had passed; waiting runs never start and their futures never complete.
   */
  @Override
  public void close() {
    running.forEach(Deadline::expire);
    workers.shutdownNow();
    deadlines.shutdownNow();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
