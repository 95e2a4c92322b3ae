package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.RESTORE_COMPLETED;
import static io.dbprovision.api.events.CatalogEvent.RESTORE_DEADLINE_EXCEEDED;
import static io.dbprovision.api.events.CatalogEvent.RESTORE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.RESTORE_PROGRESS_UPDATED;
import static io.dbprovision.api.events.CatalogEvent.RESTORE_RECONCILE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.RESTORE_STARTED;
import static io.dbprovision.api.events.CatalogEvent.RESTORE_VALIDATION_FAILED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.BackupObjectInfo;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseRestore;
import io.dbprovision.api.v1alpha1.DatabaseRestoreStatus;
import io.dbprovision.api.v1alpha1.DatabaseRestoreStatus.Phase;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.Identifiers;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.RestoreProgress;
import io.dbprovision.api.v1alpha1.RestoreResultInfo;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.backup.BackupEncryption;
import io.dbprovision.operator.backup.Compression;
import io.dbprovision.operator.backup.DatabaseAddress;
import io.dbprovision.operator.backup.InvalidRestoreException;
import io.dbprovision.operator.backup.Progress;
import io.dbprovision.operator.backup.RestoreOutcome;
import io.dbprovision.operator.backup.RestoreRequest;
import io.dbprovision.operator.backup.RestoreTarget;
import io.dbprovision.operator.backup.TargetPreparation;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.metrics.OperatorMetrics.OperationResult;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.Enforcement;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a completed DatabaseBackup into a new database on an instance, or in place over an
 * existing Database. Everything that can be checked is checked before the target is touched: the
 * spec's target rules (in place needs {@value RestoreTarget#DATA_LOSS_CONFIRMATION}), the backup
 * (exists, Completed, same engine family), the target (a new database must not exist yet), then on
 * the worker the stored object (exists, SHA-256 matches). Any of these failing is {@code
 * ValidationFailed}, final, with the target untouched. Only then is the new database created, the
 * {@code Started} Event recorded and the restore client run.
 *
 * <p>An in-place restore replaces the objects in the dump (pg_restore {@code --clean --if-exists};
 * the MySQL/MariaDB dump drops its tables itself) and leaves other objects alone. PostgreSQL
 * restores run in one transaction, so a failed or stopped restore leaves the target as it was.
 *
 * <p>A restore found Running without a run in this process was cut off by an operator restart: it
 * is marked Failed, not run again over a target in an unknown state.
 */
@ControllerConfiguration(name = "databaserestore")
public final class DatabaseRestoreReconciler
    implements Reconciler<DatabaseRestore>, Cleaner<DatabaseRestore> {
  private final OperatorServices services;
  private final PassMetrics passes;
  private final InstanceConnections connections;
  private final ParentInstance parents;
  private final BackupInputs inputs;
  private final BackupRuns runs;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRestoreReconciler.class);

  public DatabaseRestoreReconciler(
      OperatorServices services, InstanceConnections connections, BackupRuns runs) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_RESTORE);
    this.connections = connections;
    this.parents = new ParentInstance(services.client(), connections);
    this.inputs = new BackupInputs(services.client(), services.config().backupVolumes());
    this.runs = runs;
  }

  /** The spec cannot be restored as written; final. */
  private static final class ValidationFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ValidationFailure(String message) {
      super(message);
    }
  }

  /**
   * Creates the new database once the backup passed validation, and records Started; drops the
   * database again when the restore then fails, so that nothing half-restored is left under the new
   * name and the same restore can be declared again.
   */
  private final class Target implements TargetPreparation {
    private final DatabaseRestore restore;
    private final DatabaseEngine server;
    private final boolean inPlace;
    private final String database;
    private final String startedMessage;
    private volatile boolean created;

    Target(
        DatabaseRestore restore,
        DatabaseEngine server,
        boolean inPlace,
        String database,
        String startedMessage) {
      this.restore = restore;
      this.server = server;
      this.inPlace = inPlace;
      this.database = database;
      this.startedMessage = startedMessage;
    }

    @Override
    public void prepare() throws IOException {
      if (!inPlace) {
        try {
          created =
              server.ensureDatabase(DesiredDatabase.named(database), Enforcement.apply()).change()
                  == Outcome.Change.CREATED;
        } catch (EngineException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
      services.events().record(restore, RESTORE_STARTED, startedMessage);
    }

    @Override
    public void discard() {
      if (!created) {
        return;
      }
      try {
        server.dropDatabase(database);
      } catch (EngineException e) {
        LOG.warn(
            "Could not drop database {} after its restore failed: {}", database, e.getMessage());
      }
    }
  }

  /**
   * The instances' informer, whose cache {@link ParentInstance} reads; it wakes nothing (a
   * DatabaseRestore reaches its instance through a Database, and waits with a recheck).
   */
  @Override
  public List<EventSource<?, DatabaseRestore>> prepareEventSources(
      EventSourceContext<DatabaseRestore> context) {
    return List.of(ParentInstance.trigger(context, restore -> null));
  }

  @Override
  public UpdateControl<DatabaseRestore> reconcile(
      DatabaseRestore restore, Context<DatabaseRestore> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseRestore> patch = StatusPatch.of(restore, DatabaseRestore::getStatus);
    DatabaseRestoreStatus status = statusOf(restore);
    String uid = restore.getMetadata().getUid();
    Optional<BackupRuns.Run<RestoreOutcome>> run = runs.restore(uid);
    if (run.isPresent()) {
      if (isFinal(status.getPhase())) {
        runs.forget(uid);
        return UpdateControl.noUpdate();
      }
      return follow(restore, status, patch, run.get(), started);
    }
    if (isFinal(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getPhase() == Phase.Running || status.getStartedAt() != null) {
      end(
          restore,
          status,
          RESTORE_FAILED,
          "The operator restarted while this restore was running; a PostgreSQL target was rolled"
              + " back, a MySQL/MariaDB target may hold part of the data. Create a new"
              + " DatabaseRestore to restore again",
          elapsedSince(status));
      return finish(restore, status, patch, started, ReconcileResult.SUCCESS);
    }
    try {
      return start(restore, status, patch, started, context);
    } catch (ValidationFailure e) {
      end(
          restore,
          status,
          RESTORE_VALIDATION_FAILED,
          "Restore validation failed: " + e.getMessage() + "; the target was not touched",
          Duration.ZERO);
      return finish(restore, status, patch, started, ReconcileResult.SUCCESS);
    } catch (BackupInputException e) {
      if (!e.retryable()) {
        end(
            restore,
            status,
            RESTORE_VALIDATION_FAILED,
            "Restore validation failed: the backup's " + e.getMessage(),
            Duration.ZERO);
        return finish(restore, status, patch, started, ReconcileResult.SUCCESS);
      }
      return retryLater(restore, status, patch, started, e.getMessage());
    } catch (EngineException e) {
      return retryLater(restore, status, patch, started, e.getMessage());
    } catch (KubernetesClientException e) {
      return retryLater(
          restore, status, patch, started, "the Kubernetes API answered: " + e.getMessage());
    }
  }

  private UpdateControl<DatabaseRestore> start(
      DatabaseRestore restore,
      DatabaseRestoreStatus status,
      StatusPatch<DatabaseRestore> patch,
      Instant started,
      Context<DatabaseRestore> context)
      throws ValidationFailure, BackupInputException, EngineException {
    RestoreTarget target;
    try {
      target = RestoreTarget.of(restore.getSpec());
    } catch (InvalidRestoreException e) {
      throw new ValidationFailure(e.getMessage());
    }
    String namespace = namespace(restore);
    ResourceRef backupRef = restore.getSpec().getBackupRef();
    String backupNamespace = DatabaseBackupReconciler.namespaceOf(backupRef, namespace);
    DatabaseBackup backup =
        services
            .client()
            .resources(DatabaseBackup.class)
            .inNamespace(backupNamespace)
            .withName(backupRef.getName())
            .get();
    if (backup == null) {
      throw new ValidationFailure(
          "DatabaseBackup " + backupNamespace + "/" + backupRef.getName() + " does not exist");
    }
    DatabaseBackupStatus.Phase backupPhase =
        backup.getStatus() == null ? null : backup.getStatus().getPhase();
    if (backupPhase == DatabaseBackupStatus.Phase.Failed) {
      throw new ValidationFailure(
          "DatabaseBackup " + backupRef.getName() + " failed; restore from a Completed backup");
    }
    if (backupPhase != DatabaseBackupStatus.Phase.Completed) {
      return waiting(
          restore,
          status,
          patch,
          started,
          "BackupNotCompleted",
          "Waiting for DatabaseBackup " + backupRef.getName() + " to complete");
    }
    BackupObjectInfo stored = backup.getStatus().getBackup();
    if (stored == null
        || stored.getPath() == null
        || stored.getChecksum() == null
        || stored.getFormat() == null) {
      throw new ValidationFailure(
          "DatabaseBackup " + backupRef.getName() + " records no stored object and checksum");
    }

    ResourceRef instanceRef;
    String instanceNamespace;
    String databaseName;
    if (target.inPlace()) {
      String dbNamespace = DatabaseBackupReconciler.namespaceOf(target.databaseRef(), namespace);
      Database database =
          services
              .client()
              .resources(Database.class)
              .inNamespace(dbNamespace)
              .withName(target.databaseRef().getName())
              .get();
      if (database == null) {
        throw new ValidationFailure(
            "Database " + dbNamespace + "/" + target.databaseRef().getName() + " does not exist");
      }
      instanceRef = database.getSpec().getInstanceRef();
      instanceNamespace = dbNamespace;
      databaseName = database.getSpec().getName();
    } else {
      instanceRef = target.instanceRef();
      instanceNamespace = namespace;
      databaseName = target.databaseName();
      if (!databaseName.matches(Identifiers.PATTERN)) {
        throw new ValidationFailure(
            "spec.target.databaseName \"" + databaseName + "\" must match " + Identifiers.PATTERN);
      }
    }
    ParentInstance.Resolution resolution = parents.resolve(context, instanceNamespace, instanceRef);
    if (resolution instanceof ParentInstance.Waiting waiting) {
      return waiting(restore, status, patch, started, waiting.reason(), waiting.message());
    }
    ParentInstance.Available parent = (ParentInstance.Available) resolution;
    DatabaseInstance instance = parent.instance();
    Engine engine = instance.getSpec().getEngine();
    String sourceEngine =
        backup.getStatus().getSource() == null ? null : backup.getStatus().getSource().getEngine();
    if (sourceEngine != null && isPostgres(Engine.valueOf(sourceEngine)) != isPostgres(engine)) {
      throw new ValidationFailure(
          "DatabaseBackup "
              + backupRef.getName()
              + " holds a "
              + sourceEngine
              + " dump, which cannot be restored into "
              + engine
              + " instance "
              + instance.getMetadata().getName());
    }
    DatabaseEngine server = parent.engine();
    if (!target.inPlace() && server.databaseSize(databaseName).isPresent()) {
      throw new ValidationFailure(
          "database "
              + databaseName
              + " already exists on instance "
              + instance.getMetadata().getName()
              + "; restore into a new databaseName, or in place over its Database");
    }
    Compression compression;
    try {
      compression = Compression.of(backup.getSpec().getCompression());
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure("the backup's " + e.getMessage());
    }
    Optional<BackupEncryption> encryption =
        inputs.encryption(backupNamespace, backup.getSpec().getEncryption());
    DatabaseAddress address = connections.clientAddress(instance, databaseName);
    BackupInputs.OpenedStorage storage =
        inputs.storage(backupNamespace, backup.getSpec().getStorage());
    RestoreRequest request =
        new RestoreRequest(
            address,
            storage.storage(),
            stored.getPath(),
            stored.getChecksum(),
            stored.getFormat(),
            compression,
            encryption,
            target.inPlace());
    String into = "database " + databaseName + " on instance " + instance.getMetadata().getName();
    TargetPreparation preparation =
        new Target(
            restore,
            server,
            target.inPlace(),
            databaseName,
            "Restore of backup "
                + backupRef.getName()
                + " into "
                + into
                + " started"
                + (target.inPlace() ? ", replacing its data" : ""));
    Optional<BackupRuns.Run<RestoreOutcome>> run =
        runs.startRestore(
            restore.getMetadata().getUid(),
            request,
            Duration.ofSeconds(deadlineSeconds(restore)),
            progress ->
                services
                    .events()
                    .record(
                        restore,
                        RESTORE_PROGRESS_UPDATED,
                        "Restore into " + into + ": " + RunMessages.progress(progress, "read")),
            preparation);
    if (run.isEmpty()) {
      storage.close();
      return waiting(
          restore,
          status,
          patch,
          started,
          "WaitingForWorker",
          "Waiting for a free backup worker (all are busy)");
    }
    run.get().outcome().whenComplete((outcome, failure) -> storage.close());
    Instant now = services.clock().instant();
    RestoreResultInfo info = new RestoreResultInfo();
    info.setSourceBackup(backupRef.getName());
    info.setTargetInstance(instance.getMetadata().getName());
    info.setTargetDatabase(databaseName);
    status.setRestore(info);
    status.setPhase(Phase.Pending);
    status.setStartedAt(now.toString());
    status.setProgress(progress("Validating", null));
    ReadyCondition.set(
        status,
        false,
        "Validating",
        "Checking backup " + stored.getPath() + " before restoring into " + into,
        restore.getMetadata().getGeneration(),
        now);
    return finish(restore, status, patch, started, ReconcileResult.SUCCESS)
        .rescheduleAfter(BackupRuns.POLL);
  }

  private UpdateControl<DatabaseRestore> follow(
      DatabaseRestore restore,
      DatabaseRestoreStatus status,
      StatusPatch<DatabaseRestore> patch,
      BackupRuns.Run<RestoreOutcome> run,
      Instant started) {
    if (!run.outcome().isDone()) {
      Progress last = run.progress().get();
      if (last != null) {
        status.setPhase(Phase.Running);
        status.setProgress(progress("Restoring", last));
        ReadyCondition.set(
            status,
            false,
            "Restoring",
            "Restoring into database " + targetDatabase(status),
            restore.getMetadata().getGeneration(),
            services.clock().instant());
      }
      return finish(restore, status, patch, started, ReconcileResult.SUCCESS)
          .rescheduleAfter(BackupRuns.POLL);
    }
    RestoreOutcome outcome;
    try {
      outcome = run.outcome().join();
    } catch (CompletionException e) {
      outcome =
          new RestoreOutcome.Failed(
              "restore failed: " + e.getCause().getMessage(), elapsedSince(status));
    }
    String database = targetDatabase(status);
    if (outcome instanceof RestoreOutcome.Completed completed) {
      Instant now = services.clock().instant();
      status.setPhase(Phase.Completed);
      status.setCompletedAt(now.toString());
      status.setDurationSeconds(completed.duration().toSeconds());
      status.setProgress(
          progress("Completed", new Progress(completed.storedBytes(), OptionalInt.of(100))));
      String message =
          "Restore of backup "
              + status.getRestore().getSourceBackup()
              + " into database "
              + database
              + " on instance "
              + status.getRestore().getTargetInstance()
              + " completed: "
              + RunMessages.bytes(completed.storedBytes())
              + " read in "
              + RunMessages.duration(completed.duration());
      ReadyCondition.set(
          status, true, "Completed", message, restore.getMetadata().getGeneration(), now);
      services.events().record(restore, RESTORE_COMPLETED, message);
      services.metrics().restoreCompleted(namespace(restore), database, completed.duration());
    } else if (outcome instanceof RestoreOutcome.ValidationFailed invalid) {
      end(
          restore,
          status,
          RESTORE_VALIDATION_FAILED,
          "Restore validation failed: " + invalid.message() + "; the target was not touched",
          invalid.duration());
    } else if (outcome instanceof RestoreOutcome.DeadlineExceeded exceeded) {
      end(
          restore,
          status,
          RESTORE_DEADLINE_EXCEEDED,
          "Restore into database "
              + database
              + " stopped: it ran longer than activeDeadlineSeconds ("
              + exceeded.deadline().toSeconds()
              + "s)",
          exceeded.duration());
    } else {
      RestoreOutcome.Failed failed = (RestoreOutcome.Failed) outcome;
      end(
          restore,
          status,
          RESTORE_FAILED,
          "Restore into database " + database + " failed: " + failed.message(),
          failed.duration());
    }
    services
        .metrics()
        .operation(
            ResourceKind.DATABASE_RESTORE,
            "restore",
            run.engine(),
            status.getPhase() == Phase.Completed
                ? OperationResult.SUCCESS
                : OperationResult.FAILURE);
    // One more pass, which finds the final phase and lets go of the run.
    return finish(restore, status, patch, started, ReconcileResult.SUCCESS)
        .rescheduleAfter(BackupRuns.POLL);
  }

  /** Final: phase Failed with the Warning of {@code row}. */
  private void end(
      DatabaseRestore restore,
      DatabaseRestoreStatus status,
      CatalogEvent row,
      String message,
      Duration duration) {
    Instant now = services.clock().instant();
    status.setPhase(Phase.Failed);
    status.setCompletedAt(now.toString());
    if (status.getStartedAt() != null) {
      status.setDurationSeconds(duration.toSeconds());
    }
    ReadyCondition.set(
        status, false, row.reason(), message, restore.getMetadata().getGeneration(), now);
    services.events().record(restore, row, message);
  }

  private UpdateControl<DatabaseRestore> retryLater(
      DatabaseRestore restore,
      DatabaseRestoreStatus status,
      StatusPatch<DatabaseRestore> patch,
      Instant started,
      String problem) {
    String message = "Failed to prepare the restore: " + problem;
    services.events().record(restore, RESTORE_RECONCILE_FAILED, message);
    status.setPhase(Phase.Pending);
    ReadyCondition.set(
        status,
        false,
        RESTORE_RECONCILE_FAILED.reason(),
        message,
        restore.getMetadata().getGeneration(),
        services.clock().instant());
    return finish(restore, status, patch, started, ReconcileResult.ERROR)
        .rescheduleAfter(ParentInstance.RECHECK);
  }

  private UpdateControl<DatabaseRestore> waiting(
      DatabaseRestore restore,
      DatabaseRestoreStatus status,
      StatusPatch<DatabaseRestore> patch,
      Instant started,
      String reason,
      String message) {
    status.setPhase(Phase.Pending);
    ReadyCondition.set(
        status,
        false,
        reason,
        message,
        restore.getMetadata().getGeneration(),
        services.clock().instant());
    return finish(restore, status, patch, started, ReconcileResult.SUCCESS)
        .rescheduleAfter(ParentInstance.RECHECK);
  }

  @Override
  public DeleteControl cleanup(DatabaseRestore restore, Context<DatabaseRestore> context) {
    Optional<BackupRuns.Run<RestoreOutcome>> run = runs.restore(restore.getMetadata().getUid());
    if (run.isPresent() && !run.get().outcome().isDone()) {
      // A restore cannot be taken back half way; it ends within its deadline.
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(BackupRuns.POLL);
    }
    runs.forget(restore.getMetadata().getUid());
    passes.gone(restore);
    return DeleteControl.defaultDelete();
  }

  private UpdateControl<DatabaseRestore> finish(
      DatabaseRestore restore,
      DatabaseRestoreStatus status,
      StatusPatch<DatabaseRestore> patch,
      Instant started,
      ReconcileResult result) {
    passes.finished(restore, status.getPhase(), started, result);
    return patch.control(restore);
  }

  private static RestoreProgress progress(String step, Progress progress) {
    RestoreProgress status = new RestoreProgress();
    status.setCurrentPhase(step);
    if (progress != null) {
      status.setBytes(progress.bytes());
      status.setPercentage(
          progress.percentage().isPresent() ? progress.percentage().getAsInt() : null);
    }
    return status;
  }

  private static String targetDatabase(DatabaseRestoreStatus status) {
    return status.getRestore() == null ? "?" : status.getRestore().getTargetDatabase();
  }

  private Duration elapsedSince(DatabaseRestoreStatus status) {
    return status.getStartedAt() == null
        ? Duration.ZERO
        : Duration.between(Instant.parse(status.getStartedAt()), services.clock().instant());
  }

  private static boolean isPostgres(Engine engine) {
    return engine == Engine.postgres;
  }

  private static long deadlineSeconds(DatabaseRestore restore) {
    Long seconds = restore.getSpec().getActiveDeadlineSeconds();
    return seconds == null || seconds < 1 ? 7200 : seconds;
  }

  private static boolean isFinal(Phase phase) {
    return phase == Phase.Completed || phase == Phase.Failed;
  }

  private static String namespace(DatabaseRestore restore) {
    return restore.getMetadata().getNamespace();
  }

  private static DatabaseRestoreStatus statusOf(DatabaseRestore restore) {
    if (restore.getStatus() == null) {
      restore.setStatus(new DatabaseRestoreStatus());
    }
    return restore.getStatus();
  }
}
