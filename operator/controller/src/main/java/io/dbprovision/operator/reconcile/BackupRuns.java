package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.backup.BackupExecutor;
import io.dbprovision.operator.backup.BackupOutcome;
import io.dbprovision.operator.backup.BackupPipeline;
import io.dbprovision.operator.backup.BackupRequest;
import io.dbprovision.operator.backup.Progress;
import io.dbprovision.operator.backup.ProgressListener;
import io.dbprovision.operator.backup.RestoreOutcome;
import io.dbprovision.operator.backup.RestorePipeline;
import io.dbprovision.operator.backup.RestoreRequest;
import io.dbprovision.operator.backup.TargetPreparation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The backups and restores this process is running, by resource uid, on one bounded {@link
 * BackupExecutor} shared by the backup and restore reconcilers. The reconcilers start a run, then
 * look at it on every pass until its outcome is there; a resource that says Running but has no run
 * here was started by a process that is gone.
 */
public final class BackupRuns {
  /** The least time between two progress reports of one run. */
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  /** How often a reconciler looks at a running run. */
  static final Duration POLL = Duration.ofSeconds(1);

  /** Runs that may wait for a worker; more are refused and the resource waits in Pending. */
  private static final int QUEUE = 16;

  /** One run: its outcome when done, the last progress it reported, and the server's engine. */
  record Run<T>(CompletableFuture<T> outcome, AtomicReference<Progress> progress, Engine engine) {}

  private final BackupExecutor executor;
  private final Map<String, Run<BackupOutcome>> backups = new ConcurrentHashMap<>();
  private final Map<String, Run<RestoreOutcome>> restores = new ConcurrentHashMap<>();

  /** Runs on {@code config.backupWorkers()} workers; clients' diagnostics go to the temp dir. */
  public BackupRuns(OperatorServices services) {
    this(
        new BackupExecutor(
            services.config().backupWorkers(),
            QUEUE,
            new BackupPipeline(services.clock(), PROGRESS_INTERVAL, temporaryDirectory()),
            new RestorePipeline(services.clock(), PROGRESS_INTERVAL, temporaryDirectory())));
  }

  BackupRuns(BackupExecutor executor) {
    this.executor = executor;
  }

  Optional<Run<BackupOutcome>> backup(String uid) {
    return Optional.ofNullable(backups.get(uid));
  }

  Optional<Run<RestoreOutcome>> restore(String uid) {
    return Optional.ofNullable(restores.get(uid));
  }

  /** Starts a backup, or returns empty when every worker is busy and the queue is full. */
  Optional<Run<BackupOutcome>> startBackup(
      String uid, BackupRequest request, Duration deadline, ProgressListener listener) {
    return start(
        backups,
        uid,
        request.source().engine(),
        progress -> executor.backup(request, deadline, tracking(progress, listener)));
  }

  /**
   * Starts a restore, or returns empty when every worker is busy and the queue is full. The run
   * reports progress (0% first) only once validation passed and {@code preparation} ran.
   */
  Optional<Run<RestoreOutcome>> startRestore(
      String uid,
      RestoreRequest request,
      Duration deadline,
      ProgressListener listener,
      TargetPreparation preparation) {
    // Progress appears once the target is being touched: until then the run is validating.
    return start(
        restores,
        uid,
        request.target().engine(),
        progress ->
            executor.restore(
                request,
                deadline,
                tracking(progress, listener),
                new TargetPreparation() {
                  @Override
                  public void prepare() throws IOException {
                    preparation.prepare();
                    progress.compareAndSet(null, new Progress(0, OptionalInt.of(0)));
                  }

                  @Override
                  public void discard() {
                    preparation.discard();
                  }
                }));
  }

  /** The resource is gone or its outcome is recorded. */
  void forget(String uid) {
    backups.remove(uid);
    restores.remove(uid);
  }

  private static <T> Optional<Run<T>> start(
      Map<String, Run<T>> runs,
      String uid,
      Engine engine,
      Function<AtomicReference<Progress>, CompletableFuture<T>> submit) {
    AtomicReference<Progress> progress = new AtomicReference<>();
    CompletableFuture<T> outcome = submit.apply(progress);
    boolean refused =
        outcome
            .handle((done, failure) -> failure instanceof RejectedExecutionException)
            .getNow(false);
    if (refused) {
      return Optional.empty();
    }
    Run<T> run = new Run<>(outcome, progress, engine);
    runs.put(uid, run);
    return Optional.of(run);
  }

  private static ProgressListener tracking(
      AtomicReference<Progress> last, ProgressListener listener) {
    return progress -> {
      last.set(progress);
      listener.onProgress(progress);
    };
  }

  private static Path temporaryDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
