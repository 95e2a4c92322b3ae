package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.DATABASE_CREATED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_CREATE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_DELETED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_DELETE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_DRIFT_CORRECTED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_DRIFT_CORRECTION_FAILED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_DRIFT_DETECTED;
import static io.dbprovision.api.events.CatalogEvent.DATABASE_RECONCILE_FAILED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseInfo;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.dbprovision.api.v1alpha1.DatabaseStatus.Phase;
import io.dbprovision.api.v1alpha1.DeletionPolicy;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.model.DesiredDatabase;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates and updates a logical database, reports its size and drift, and drops it on deletion when
 * {@code deletionPolicy} is Delete.
 */
@ControllerConfiguration(name = "database")
public final class DatabaseReconciler implements Reconciler<Database>, Cleaner<Database> {
  private static final Outcomes.DriftRows DRIFT =
      new Outcomes.DriftRows(DATABASE_DRIFT_DETECTED, DATABASE_DRIFT_CORRECTED);

  private final OperatorServices services;
  private final PassMetrics passes;
  private final ParentInstance parents;
  private final DeletionGuard deletion;
  private final Failures failures;

  public DatabaseReconciler(OperatorServices services, InstanceConnections connections) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE);
    this.parents = new ParentInstance(services.client(), connections);
    this.deletion = new DeletionGuard(services.client());
    this.failures = new Failures(services.events(), services.clock());
  }

  /** Databases waiting for their instance go ahead as soon as it is Ready. */
  @Override
  public List<EventSource<?, Database>> prepareEventSources(EventSourceContext<Database> context) {
    return List.of(ParentInstance.trigger(context, db -> db.getSpec().getInstanceRef()));
  }

  @Override
  public UpdateControl<Database> reconcile(Database db, Context<Database> context) {
    Instant started = services.clock().instant();
    StatusPatch<Database> patch = StatusPatch.of(db, Database::getStatus);
    DatabaseStatus status = statusOf(db);
    String name = db.getSpec().getName();
    DriftCheck drift = null;
    try {
      ParentInstance.Resolution resolution =
          parents.resolve(context, namespace(db), db.getSpec().getInstanceRef());
      if (resolution instanceof ParentInstance.Waiting waiting) {
        return waiting(db, status, patch, started, waiting);
      }
      ParentInstance.Available parent = (ParentInstance.Available) resolution;
      drift =
          DriftCheck.of(
              db,
              db.getSpec().getDriftPolicy(),
              parent.instance(),
              DriftCheck.appliedGeneration(status),
              services.config().defaultDriftInterval());
      DatabaseEngine engine = parent.engine();
      Outcome outcome =
          engine.ensureDatabase(DesiredDatabase.from(db.getSpec()), drift.enforcement());
      if (outcome.change() == Outcome.Change.CREATED) {
        services
            .events()
            .record(
                db,
                DATABASE_CREATED,
                "Database "
                    + name
                    + " created on instance "
                    + parent.instance().getMetadata().getName());
      }
      Outcomes.recordDrift(services.events(), db, outcome.drift(), DRIFT);
      status.setDrift(drift.status(outcome.drift(), services.clock().instant()));
      services
          .metrics()
          .driftDetected(
              ResourceKind.DATABASE,
              namespace(db),
              db.getMetadata().getName(),
              !outcome.drift().remaining().isEmpty());
      status.setDatabase(info(db, engine.databaseSize(name)));
      status.setPhase(Phase.Ready);
      ReadyCondition.set(
          status,
          true,
          "Ready",
          "Database " + name + " is ready",
          db.getMetadata().getGeneration(),
          services.clock().instant());
    } catch (EngineException e) {
      boolean permanent = failures.report(db, status, failureRow(status, drift), e);
      status.setPhase(Phase.Failed);
      finish(db, status, started, ReconcileResult.ERROR);
      if (!permanent) {
        throw Failures.retry(e);
      }
      return patch.control(db);
    }
    finish(db, status, started, ReconcileResult.SUCCESS);
    return drift.reschedule(patch.control(db), db, services.clock().instant());
  }

  @Override
  public ErrorStatusUpdateControl<Database> updateErrorStatus(
      Database db, Context<Database> context, Exception e) {
    DatabaseStatus status = statusOf(db);
    return failures.persist(db, status, () -> status.setPhase(Phase.Failed), e);
  }

  @Override
  public DeleteControl cleanup(Database db, Context<Database> context) {
    Optional<String> blocked =
        deletion.blocked(db, !Boolean.FALSE.equals(db.getSpec().getDeletionProtection()));
    if (blocked.isPresent()) {
      services.events().record(db, DATABASE_DELETION_BLOCKED, blocked.get());
      DatabaseStatus status = statusOf(db);
      DeletionStatus.block(
          services, db, status, () -> status.setPhase(Phase.Failed), blocked.get());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    if (db.getSpec().getDeletionPolicy() != DeletionPolicy.Retain) {
      try {
        ParentInstance.Resolution resolution =
            parents.resolve(context, namespace(db), db.getSpec().getInstanceRef());
        if (resolution instanceof ParentInstance.Waiting waiting) {
          // No instance at all: nothing to drop from. One not Ready: wait until it is.
          return waiting.instanceMissing()
              ? gone(db)
              : DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
        }
        ParentInstance.Available parent = (ParentInstance.Available) resolution;
        Outcome dropped = parent.engine().dropDatabase(db.getSpec().getName());
        if (dropped.changed()) {
          services
              .events()
              .record(
                  db,
                  DATABASE_DELETED,
                  "Database "
                      + db.getSpec().getName()
                      + " dropped from instance "
                      + parent.instance().getMetadata().getName());
        }
      } catch (EngineException e) {
        services.events().record(db, DATABASE_DELETE_FAILED, "Failed to " + e.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
      }
    }
    return gone(db);
  }

  private DeleteControl gone(Database db) {
    passes.gone(db);
    return DeleteControl.defaultDelete();
  }

  private UpdateControl<Database> waiting(
      Database db,
      DatabaseStatus status,
      StatusPatch<Database> patch,
      Instant started,
      ParentInstance.Waiting waiting) {
    status.setPhase(Phase.Pending);
    waiting.report(status, db.getMetadata().getGeneration(), services.clock().instant());
    finish(db, status, started, ReconcileResult.SUCCESS);
    return patch.control(db).rescheduleAfter(ParentInstance.RECHECK);
  }

  private static CatalogEvent failureRow(DatabaseStatus status, DriftCheck drift) {
    if (status.getDatabase() == null) {
      return DATABASE_CREATE_FAILED;
    }
    if (drift != null && drift.enforcement().isDriftCorrection()) {
      return DATABASE_DRIFT_CORRECTION_FAILED;
    }
    return DATABASE_RECONCILE_FAILED;
  }

  private void finish(Database db, DatabaseStatus status, Instant started, ReconcileResult result) {
    passes.finished(db, status.getPhase(), started, result);
  }

  private DatabaseInfo info(Database db, java.util.OptionalLong size) {
    DatabaseInfo info = new DatabaseInfo();
    info.setName(db.getSpec().getName());
    info.setOwner(db.getSpec().getOwner());
    if (size.isPresent()) {
      info.setSizeBytes(size.getAsLong());
      services.metrics().databaseSize(namespace(db), db.getMetadata().getName(), size.getAsLong());
    }
    return info;
  }

  private static String namespace(Database db) {
    return db.getMetadata().getNamespace();
  }

  private static DatabaseStatus statusOf(Database db) {
    if (db.getStatus() == null) {
      db.setStatus(new DatabaseStatus());
    }
    return db.getStatus();
  }
}
