package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.ROLE_CREATED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_CREATE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_DELETED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_DELETE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_DRIFT_CORRECTED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_DRIFT_CORRECTION_FAILED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_DRIFT_DETECTED;
import static io.dbprovision.api.events.CatalogEvent.ROLE_RECONCILE_FAILED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseRoleStatus;
import io.dbprovision.api.v1alpha1.DatabaseRoleStatus.Phase;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.DriftReport;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantRequests;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
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
 * Creates a role with its attributes, memberships and privileges ({@code grants}), keeps them as
 * the spec says (drift), and drops it on deletion unless the {@code deletion-protection} annotation
 * is set.
 */
@ControllerConfiguration(name = "databaserole")
public final class DatabaseRoleReconciler
    implements Reconciler<DatabaseRole>, Cleaner<DatabaseRole> {
  private static final Outcomes.DriftRows DRIFT =
      new Outcomes.DriftRows(ROLE_DRIFT_DETECTED, ROLE_DRIFT_CORRECTED);

  private final OperatorServices services;
  private final PassMetrics passes;
  private final ParentInstance parents;
  private final DeletionGuard deletion;
  private final Failures failures;

  public DatabaseRoleReconciler(OperatorServices services, InstanceConnections connections) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_ROLE);
    this.parents = new ParentInstance(services.client(), connections);
    this.deletion = new DeletionGuard(services.client());
    this.failures = new Failures(services.events(), services.clock());
  }

  /** Roles waiting for their instance go ahead as soon as it is Ready. */
  @Override
  public List<EventSource<?, DatabaseRole>> prepareEventSources(
      EventSourceContext<DatabaseRole> context) {
    return List.of(ParentInstance.trigger(context, role -> role.getSpec().getInstanceRef()));
  }

  @Override
  public UpdateControl<DatabaseRole> reconcile(DatabaseRole role, Context<DatabaseRole> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseRole> patch = StatusPatch.of(role, DatabaseRole::getStatus);
    DatabaseRoleStatus status = statusOf(role);
    boolean created = status.getPhase() == Phase.Ready || status.getPhase() == Phase.Failed;
    String name = role.getSpec().getRoleName();
    DriftCheck drift = null;
    try {
      ParentInstance.Resolution resolution =
          parents.resolve(context, namespace(role), role.getSpec().getInstanceRef());
      if (resolution instanceof ParentInstance.Waiting waiting) {
        status.setPhase(Phase.Pending);
        waiting.report(status, role.getMetadata().getGeneration(), services.clock().instant());
        finish(role, status, started, ReconcileResult.SUCCESS);
        return patch.control(role).rescheduleAfter(ParentInstance.RECHECK);
      }
      ParentInstance.Available parent = (ParentInstance.Available) resolution;
      drift =
          DriftCheck.of(
              role,
              role.getSpec().getDriftPolicy(),
              parent.instance(),
              DriftCheck.appliedGeneration(status),
              services.config().defaultDriftInterval());
      Outcome outcome =
          parent.engine().ensureRole(DesiredRole.from(role.getSpec()), drift.enforcement());
      DriftReport found = outcome.drift().and(ensureGrants(role, parent, drift.enforcement()));
      if (outcome.change() == Outcome.Change.CREATED) {
        services
            .events()
            .record(
                role,
                ROLE_CREATED,
                "Role "
                    + name
                    + " created on instance "
                    + parent.instance().getMetadata().getName());
      }
      Outcomes.recordDrift(services.events(), role, found, DRIFT);
      status.setDrift(drift.status(found, services.clock().instant()));
      services
          .metrics()
          .driftDetected(
              ResourceKind.DATABASE_ROLE,
              namespace(role),
              role.getMetadata().getName(),
              !found.remaining().isEmpty());
      status.setPhase(Phase.Ready);
      ReadyCondition.set(
          status,
          true,
          "Ready",
          "Role " + name + " is ready",
          role.getMetadata().getGeneration(),
          services.clock().instant());
    } catch (EngineException e) {
      CatalogEvent row =
          !created
              ? ROLE_CREATE_FAILED
              : drift != null && drift.enforcement().isDriftCorrection()
                  ? ROLE_DRIFT_CORRECTION_FAILED
                  : ROLE_RECONCILE_FAILED;
      boolean permanent = failures.report(role, status, row, e);
      status.setPhase(Phase.Failed);
      finish(role, status, started, ReconcileResult.ERROR);
      if (!permanent) {
        throw Failures.retry(e);
      }
      return patch.control(role);
    }
    finish(role, status, started, ReconcileResult.SUCCESS);
    return drift.reschedule(patch.control(role), role, services.clock().instant());
  }

  /**
   * The role's own privileges (its {@code grants} blocks) through the same diff as a
   * DatabaseGrant's: what the spec no longer lists is revoked, what is missing granted. Memberships
   * are left out: they are the role's {@code inRoles} or belong to DatabaseGrants naming the role.
   */
  private static DriftReport ensureGrants(
      DatabaseRole role, ParentInstance.Available parent, Enforcement enforcement)
      throws EngineException {
    GrantSet requested =
        GrantRequests.forRole(role.getSpec(), parent.instance().getSpec().getEngine());
    return parent
        .engine()
        .ensureGrants(
            Grantee.role(role.getSpec().getRoleName()),
            requested,
            GrantScope.of(requested).withoutMemberships(),
            enforcement)
        .drift();
  }

  @Override
  public ErrorStatusUpdateControl<DatabaseRole> updateErrorStatus(
      DatabaseRole role, Context<DatabaseRole> context, Exception e) {
    DatabaseRoleStatus status = statusOf(role);
    return failures.persist(role, status, () -> status.setPhase(Phase.Failed), e);
  }

  @Override
  public DeleteControl cleanup(DatabaseRole role, Context<DatabaseRole> context) {
    Optional<String> blocked = deletion.blocked(role, DeletionGuard.protectedByAnnotation(role));
    if (blocked.isPresent()) {
      services.events().record(role, ROLE_DELETION_BLOCKED, blocked.get());
      DatabaseRoleStatus status = statusOf(role);
      DeletionStatus.block(
          services, role, status, () -> status.setPhase(Phase.Failed), blocked.get());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    try {
      ParentInstance.Resolution resolution =
          parents.resolve(context, namespace(role), role.getSpec().getInstanceRef());
      if (resolution instanceof ParentInstance.Waiting waiting) {
        return waiting.instanceMissing()
            ? gone(role)
            : DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
      }
      ParentInstance.Available parent = (ParentInstance.Available) resolution;
      Outcome dropped = parent.engine().dropRole(role.getSpec().getRoleName());
      if (dropped.changed()) {
        services
            .events()
            .record(
                role,
                ROLE_DELETED,
                "Role "
                    + role.getSpec().getRoleName()
                    + " dropped from instance "
                    + parent.instance().getMetadata().getName());
      }
    } catch (EngineException e) {
      services.events().record(role, ROLE_DELETE_FAILED, "Failed to " + e.getMessage());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    return gone(role);
  }

  private DeleteControl gone(DatabaseRole role) {
    passes.gone(role);
    return DeleteControl.defaultDelete();
  }

  private void finish(
      DatabaseRole role, DatabaseRoleStatus status, Instant started, ReconcileResult result) {
    passes.finished(role, status.getPhase(), started, result);
  }

  private static String namespace(DatabaseRole role) {
    return role.getMetadata().getNamespace();
  }

  private static DatabaseRoleStatus statusOf(DatabaseRole role) {
    if (role.getStatus() == null) {
      role.setStatus(new DatabaseRoleStatus());
    }
    return role.getStatus();
  }
}
