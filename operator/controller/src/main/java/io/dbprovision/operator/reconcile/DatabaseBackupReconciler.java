package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.BACKUP_COMPLETED;
import static io.dbprovision.api.events.CatalogEvent.BACKUP_FAILED;
import static io.dbprovision.api.events.CatalogEvent.BACKUP_PROGRESS_UPDATED;
import static io.dbprovision.api.events.CatalogEvent.BACKUP_RECONCILE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.BACKUP_STARTED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.v1alpha1.BackupObjectInfo;
import io.dbprovision.api.v1alpha1.BackupProgress;
import io.dbprovision.api.v1alpha1.BackupSourceInfo;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSpec;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus.Phase;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.backup.BackupArtifact;
import io.dbprovision.operator.backup.BackupEncryption;
import io.dbprovision.operator.backup.BackupOutcome;
import io.dbprovision.operator.backup.BackupRequest;
import io.dbprovision.operator.backup.ClientCommand;
import io.dbprovision.operator.backup.Compression;
import io.dbprovision.operator.backup.DatabaseAddress;
import io.dbprovision.operator.backup.ObjectNaming;
import io.dbprovision.operator.backup.Progress;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.metrics.OperatorMetrics.OperationResult;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
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
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;

/**
 * Takes one backup of a Database: waits in Pending until the Database and its instance are Ready,
 * starts the dump on the {@link BackupRuns} workers (never on the reconcile thread), follows it
 * while Running, and records the outcome. Completed and Failed are final: a backup never runs
 * twice.
 *
 * <p>A backup found Running without a run in this process was cut off by an operator restart (or a
 * change of leader). It is marked Failed rather than started again: its partial upload was never
 * committed, the Go operator's contract is that a failed backup is not retried, and whoever wants
 * another copy (a person, or the schedule on its next tick) creates a new DatabaseBackup with its
 * own object name and start time.
 *
 * <p>Deleting a DatabaseBackup deletes its stored object (after a running dump has ended), so
 * retention can prune backups by deleting the resources.
 */
@ControllerConfiguration(name = "databasebackup")
public final class DatabaseBackupReconciler
    implements Reconciler<DatabaseBackup>, Cleaner<DatabaseBackup> {
  private final OperatorServices services;
  private final PassMetrics passes;
  private final InstanceConnections connections;
  private final ParentInstance parents;
  private final BackupInputs inputs;
  private final BackupRuns runs;

  public DatabaseBackupReconciler(
      OperatorServices services, InstanceConnections connections, BackupRuns runs) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_BACKUP);
    this.connections = connections;
    this.parents = new ParentInstance(services.client(), connections);
    this.inputs = new BackupInputs(services.client(), services.config().backupVolumes());
    this.runs = runs;
  }

  /**
   * The instances' informer, whose cache {@link ParentInstance} reads; it wakes nothing (a
   * DatabaseBackup reaches its instance through a Database, and waits with a recheck).
   */
  @Override
  public List<EventSource<?, DatabaseBackup>> prepareEventSources(
      EventSourceContext<DatabaseBackup> context) {
    return List.of(ParentInstance.trigger(context, backup -> null));
  }

  @Override
  public UpdateControl<DatabaseBackup> reconcile(
      DatabaseBackup backup, Context<DatabaseBackup> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseBackup> patch = StatusPatch.of(backup, DatabaseBackup::getStatus);
    DatabaseBackupStatus status = statusOf(backup);
    String uid = backup.getMetadata().getUid();
    Optional<BackupRuns.Run<BackupOutcome>> run = runs.backup(uid);
    if (run.isPresent()) {
      if (isFinal(status.getPhase())) {
        runs.forget(uid);
        return UpdateControl.noUpdate();
      }
      return follow(backup, status, patch, run.get(), started);
    }
    if (isFinal(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getPhase() == Phase.Running) {
      fail(
          backup,
          status,
          "The operator restarted while this backup was running; nothing was stored. Create a"
              + " new DatabaseBackup to take the backup again");
      return finish(backup, status, patch, started, ReconcileResult.SUCCESS);
    }
    try {
      return start(backup, status, patch, started, context);
    } catch (BackupInputException e) {
      if (!e.retryable()) {
        fail(backup, status, "Backup cannot run: " + e.getMessage());
        return finish(backup, status, patch, started, ReconcileResult.ERROR);
      }
      return retryLater(backup, status, patch, started, e.getMessage());
    } catch (EngineException e) {
      return retryLater(backup, status, patch, started, e.getMessage());
    } catch (KubernetesClientException e) {
      return retryLater(
          backup, status, patch, started, "the Kubernetes API answered: " + e.getMessage());
    }
  }

  private UpdateControl<DatabaseBackup> start(
      DatabaseBackup backup,
      DatabaseBackupStatus status,
      StatusPatch<DatabaseBackup> patch,
      Instant started,
      Context<DatabaseBackup> context)
      throws BackupInputException, EngineException {
    DatabaseBackupSpec spec = backup.getSpec();
    ResourceRef ref = spec.getDatabaseRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      throw BackupInputException.invalidSpec("spec.databaseRef.name is required");
    }
    String dbNamespace = namespaceOf(ref, namespace(backup));
    Database database =
        services
            .client()
            .resources(Database.class)
            .inNamespace(dbNamespace)
            .withName(ref.getName())
            .get();
    if (database == null) {
      return waiting(
          backup,
          status,
          patch,
          started,
          "DatabaseNotFound",
          "Waiting for Database " + dbNamespace + "/" + ref.getName() + " to exist");
    }
    if (database.getStatus() == null
        || database.getStatus().getPhase() != DatabaseStatus.Phase.Ready) {
      return waiting(
          backup,
          status,
          patch,
          started,
          "DatabaseNotReady",
          "Waiting for Database " + dbNamespace + "/" + ref.getName() + " to be Ready");
    }
    ParentInstance.Resolution resolution =
        parents.resolve(context, dbNamespace, database.getSpec().getInstanceRef());
    if (resolution instanceof ParentInstance.Waiting waiting) {
      return waiting(backup, status, patch, started, waiting.reason(), waiting.message());
    }
    DatabaseInstance instance = ((ParentInstance.Available) resolution).instance();
    Engine engine = instance.getSpec().getEngine();
    Compression compression;
    try {
      compression = Compression.of(spec.getCompression());
    } catch (IllegalArgumentException e) {
      throw BackupInputException.invalidSpec(e.getMessage());
    }
    Optional<BackupEncryption> encryption =
        inputs.encryption(namespace(backup), spec.getEncryption());
    DatabaseAddress address = connections.clientAddress(instance, database.getSpec().getName());
    BackupInputs.OpenedStorage storage = inputs.storage(namespace(backup), spec.getStorage());
    Instant now = services.clock().instant();
    String format = ClientCommand.dumpFormat(engine, spec.getPostgres());
    String key =
        ObjectNaming.backupKey(
            storage.prefix(),
            dbNamespace,
            database.getMetadata().getName(),
            now,
            backup.getMetadata().getName(),
            format,
            compression,
            encryption.isPresent());
    BackupRequest request =
        new BackupRequest(
            address,
            spec.getPostgres(),
            spec.getMysql(),
            compression,
            encryption,
            storage.storage(),
            key,
            sizeOf(database));
    Optional<BackupRuns.Run<BackupOutcome>> run =
        runs.startBackup(
            backup.getMetadata().getUid(),
            request,
            Duration.ofSeconds(deadlineSeconds(spec)),
            progress ->
                services
                    .events()
                    .record(
                        backup,
                        BACKUP_PROGRESS_UPDATED,
                        "Backup of database "
                            + address.database()
                            + ": "
                            + RunMessages.progress(progress, "written")));
    if (run.isEmpty()) {
      storage.close();
      return waiting(
          backup,
          status,
          patch,
          started,
          "WaitingForWorker",
          "Waiting for a free backup worker (all are busy)");
    }
    run.get().outcome().whenComplete((outcome, failure) -> storage.close());
    status.setPhase(Phase.Running);
    status.setStartedAt(now.toString());
    status.setCompletedAt(null);
    status.setSource(source(instance, address, now));
    BackupProgress progress = new BackupProgress();
    progress.setBytes(0L);
    status.setProgress(progress);
    ReadyCondition.set(
        status,
        false,
        "Running",
        "Backing up database " + address.database() + " to " + key,
        backup.getMetadata().getGeneration(),
        now);
    services
        .events()
        .record(
            backup,
            BACKUP_STARTED,
            "Backup of database "
                + address.database()
                + " on instance "
                + instance.getMetadata().getName()
                + " started, writing "
                + key
                + " to "
                + storage.storage().describe());
    return finish(backup, status, patch, started, ReconcileResult.SUCCESS)
        .rescheduleAfter(BackupRuns.POLL);
  }

  private UpdateControl<DatabaseBackup> follow(
      DatabaseBackup backup,
      DatabaseBackupStatus status,
      StatusPatch<DatabaseBackup> patch,
      BackupRuns.Run<BackupOutcome> run,
      Instant started) {
    if (!run.outcome().isDone()) {
      Progress last = run.progress().get();
      if (last != null) {
        status.setProgress(progress(last));
      }
      return finish(backup, status, patch, started, ReconcileResult.SUCCESS)
          .rescheduleAfter(BackupRuns.POLL);
    }
    BackupOutcome outcome;
    try {
      outcome = run.outcome().join();
    } catch (CompletionException e) {
      outcome =
          new BackupOutcome.Failed(
              "backup failed: " + e.getCause().getMessage(), elapsedSince(status));
    }
    if (outcome instanceof BackupOutcome.Completed completed) {
      completed(backup, status, completed);
    } else if (outcome instanceof BackupOutcome.DeadlineExceeded exceeded) {
      fail(
          backup,
          status,
          "Backup stopped: it ran longer than activeDeadlineSeconds ("
              + exceeded.deadline().toSeconds()
              + "s); nothing was stored",
          exceeded.duration());
    } else {
      BackupOutcome.Failed failed = (BackupOutcome.Failed) outcome;
      fail(backup, status, "Backup failed: " + failed.message(), failed.duration());
    }
    services
        .metrics()
        .operation(
            ResourceKind.DATABASE_BACKUP,
            "backup",
            run.engine(),
            status.getPhase() == Phase.Completed
                ? OperationResult.SUCCESS
                : OperationResult.FAILURE);
    // One more pass, which finds the final phase and lets go of the run.
    return finish(backup, status, patch, started, ReconcileResult.SUCCESS)
        .rescheduleAfter(BackupRuns.POLL);
  }

  private void completed(
      DatabaseBackup backup, DatabaseBackupStatus status, BackupOutcome.Completed completed) {
    BackupArtifact artifact = completed.artifact();
    Instant now = services.clock().instant();
    BackupObjectInfo info = new BackupObjectInfo();
    info.setPath(artifact.key());
    info.setSizeBytes(artifact.sizeBytes());
    info.setCompressedSizeBytes(artifact.storedBytes());
    info.setChecksum(artifact.checksum());
    info.setFormat(artifact.format());
    status.setBackup(info);
    status.setPhase(Phase.Completed);
    status.setCompletedAt(now.toString());
    status.setDurationSeconds(completed.duration().toSeconds());
    status.setProgress(progress(new Progress(artifact.sizeBytes(), OptionalInt.of(100))));
    String message =
        "Backup completed: "
            + RunMessages.bytes(artifact.sizeBytes())
            + " dumped, "
            + RunMessages.bytes(artifact.storedBytes())
            + " stored as "
            + artifact.key()
            + ", checksum "
            + artifact.checksum()
            + ", in "
            + RunMessages.duration(completed.duration());
    ReadyCondition.set(
        status, true, "Completed", message, backup.getMetadata().getGeneration(), now);
    services.events().record(backup, BACKUP_COMPLETED, message);
    ResourceRef ref = backup.getSpec().getDatabaseRef();
    services
        .metrics()
        .backupCompleted(
            namespaceOf(ref, namespace(backup)),
            ref.getName(),
            backup.getMetadata().getName(),
            artifact.storedBytes(),
            now,
            completed.duration());
  }

  private void fail(DatabaseBackup backup, DatabaseBackupStatus status, String message) {
    fail(backup, status, message, elapsedSince(status));
  }

  private void fail(
      DatabaseBackup backup, DatabaseBackupStatus status, String message, Duration duration) {
    Instant now = services.clock().instant();
    status.setPhase(Phase.Failed);
    status.setCompletedAt(now.toString());
    if (status.getStartedAt() != null) {
      status.setDurationSeconds(duration.toSeconds());
    }
    ReadyCondition.set(status, false, "Failed", message, backup.getMetadata().getGeneration(), now);
    services.events().record(backup, BACKUP_FAILED, message);
  }

  /** A Secret, a mount or the server is not there yet: say so once per retry and look again. */
  private UpdateControl<DatabaseBackup> retryLater(
      DatabaseBackup backup,
      DatabaseBackupStatus status,
      StatusPatch<DatabaseBackup> patch,
      Instant started,
      String problem) {
    String message = "Failed to prepare the backup: " + problem;
    services.events().record(backup, BACKUP_RECONCILE_FAILED, message);
    status.setPhase(Phase.Pending);
    ReadyCondition.set(
        status,
        false,
        BACKUP_RECONCILE_FAILED.reason(),
        message,
        backup.getMetadata().getGeneration(),
        services.clock().instant());
    return finish(backup, status, patch, started, ReconcileResult.ERROR)
        .rescheduleAfter(ParentInstance.RECHECK);
  }

  private UpdateControl<DatabaseBackup> waiting(
      DatabaseBackup backup,
      DatabaseBackupStatus status,
      StatusPatch<DatabaseBackup> patch,
      Instant started,
      String reason,
      String message) {
    status.setPhase(Phase.Pending);
    ReadyCondition.set(
        status,
        false,
        reason,
        message,
        backup.getMetadata().getGeneration(),
        services.clock().instant());
    return finish(backup, status, patch, started, ReconcileResult.SUCCESS)
        .rescheduleAfter(ParentInstance.RECHECK);
  }

  @Override
  public DeleteControl cleanup(DatabaseBackup backup, Context<DatabaseBackup> context) {
    String uid = backup.getMetadata().getUid();
    Optional<BackupRuns.Run<BackupOutcome>> run = runs.backup(uid);
    if (run.isPresent() && !run.get().outcome().isDone()) {
      // The dump ends within its deadline; its object is deleted once it is known.
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(BackupRuns.POLL);
    }
    String key = storedKey(backup, run);
    if (key != null) {
      try (BackupInputs.OpenedStorage storage =
          inputs.storage(namespace(backup), backup.getSpec().getStorage())) {
        storage.storage().delete(key);
      } catch (BackupInputException | IOException | RuntimeException e) {
        services
            .events()
            .record(
                backup,
                BACKUP_RECONCILE_FAILED,
                "Failed to delete the stored backup " + key + ": " + e.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
      }
    }
    runs.forget(uid);
    passes.gone(backup);
    return DeleteControl.defaultDelete();
  }

  /** The object a completed backup stored, from its status or from a run that just ended. */
  private static String storedKey(
      DatabaseBackup backup, Optional<BackupRuns.Run<BackupOutcome>> run) {
    if (backup.getStatus() != null
        && backup.getStatus().getBackup() != null
        && backup.getStatus().getBackup().getPath() != null) {
      return backup.getStatus().getBackup().getPath();
    }
    if (run.isPresent()
        && run.get().outcome().getNow(null) instanceof BackupOutcome.Completed completed) {
      return completed.artifact().key();
    }
    return null;
  }

  private UpdateControl<DatabaseBackup> finish(
      DatabaseBackup backup,
      DatabaseBackupStatus status,
      StatusPatch<DatabaseBackup> patch,
      Instant started,
      ReconcileResult result) {
    passes.finished(backup, status.getPhase(), started, result);
    return patch.control(backup);
  }

  private BackupSourceInfo source(DatabaseInstance instance, DatabaseAddress address, Instant at) {
    BackupSourceInfo source = new BackupSourceInfo();
    source.setInstance(instance.getMetadata().getName());
    source.setDatabase(address.database());
    source.setEngine(instance.getSpec().getEngine().name());
    source.setVersion(instance.getStatus() == null ? null : instance.getStatus().getVersion());
    source.setTimestamp(at.toString());
    return source;
  }

  private static BackupProgress progress(Progress progress) {
    BackupProgress status = new BackupProgress();
    status.setBytes(progress.bytes());
    status.setPercentage(
        progress.percentage().isPresent() ? progress.percentage().getAsInt() : null);
    return status;
  }

  private Duration elapsedSince(DatabaseBackupStatus status) {
    return status.getStartedAt() == null
        ? Duration.ZERO
        : Duration.between(Instant.parse(status.getStartedAt()), services.clock().instant());
  }

  private static OptionalLong sizeOf(Database database) {
    Long size =
        database.getStatus().getDatabase() == null
            ? null
            : database.getStatus().getDatabase().getSizeBytes();
    return size == null || size <= 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  private static long deadlineSeconds(DatabaseBackupSpec spec) {
    Long seconds = spec.getActiveDeadlineSeconds();
    return seconds == null || seconds < 1 ? 3600 : seconds;
  }

  private static boolean isFinal(Phase phase) {
    return phase == Phase.Completed || phase == Phase.Failed;
  }

  static String namespaceOf(ResourceRef ref, String fallback) {
    return ref.getNamespace() == null || ref.getNamespace().isEmpty()
        ? fallback
        : ref.getNamespace();
  }

  private static String namespace(DatabaseBackup backup) {
    return backup.getMetadata().getNamespace();
  }

  private static DatabaseBackupStatus statusOf(DatabaseBackup backup) {
    if (backup.getStatus() == null) {
      backup.setStatus(new DatabaseBackupStatus());
    }
    return backup.getStatus();
  }
}
