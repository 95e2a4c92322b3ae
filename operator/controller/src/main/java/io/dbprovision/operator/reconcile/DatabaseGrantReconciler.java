package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.GRANT_APPLIED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_APPLY_FAILED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_DRIFT_CORRECTED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_DRIFT_CORRECTION_FAILED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_DRIFT_DETECTED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_RECONCILE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_REVOKED;
import static io.dbprovision.api.events.CatalogEvent.GRANT_REVOKE_FAILED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.AppliedGrants;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseGrantStatus;
import io.dbprovision.api.v1alpha1.DatabaseGrantStatus.Phase;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantRequests;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
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
 * Makes a grantee (the DatabaseUser or DatabaseRole a grant names) hold exactly the grant's
 * memberships and privileges: a changed spec revokes what it no longer lists ({@code Revoked}) and
 * grants what is missing ({@code Applied}); between spec changes the server is compared with the
 * spec as the drift policy says. Deleting the grant revokes everything it holds, unless {@code
 * deletionProtection} (default true) refuses.
 *
 * <p>A grant owns the grantee's privileges in the databases it names and in its own database, and
 * the grantee's memberships except the grantee's own {@code inRoles}. Two grants for one grantee
 * should therefore name different databases.
 */
@ControllerConfiguration(name = "databasegrant")
public final class DatabaseGrantReconciler
    implements Reconciler<DatabaseGrant>, Cleaner<DatabaseGrant> {
  private static final Outcomes.DriftRows DRIFT =
      new Outcomes.DriftRows(GRANT_DRIFT_DETECTED, GRANT_DRIFT_CORRECTED);

  private final OperatorServices services;
  private final PassMetrics passes;
  private final GrantParties parties;
  private final DeletionGuard deletion;
  private final Failures failures;

  public DatabaseGrantReconciler(OperatorServices services, InstanceConnections connections) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_GRANT);
    this.parties =
        new GrantParties(services.client(), new ParentInstance(services.client(), connections));
    this.deletion = new DeletionGuard(services.client());
    this.failures = new Failures(services.events(), services.clock());
  }

  /** Grants waiting for their grantee or database go ahead as soon as it is Ready. */
  @Override
  public List<EventSource<?, DatabaseGrant>> prepareEventSources(
      EventSourceContext<DatabaseGrant> context) {
    return GrantTriggers.eventSources(context);
  }

  @Override
  public UpdateControl<DatabaseGrant> reconcile(
      DatabaseGrant grant, Context<DatabaseGrant> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseGrant> patch = StatusPatch.of(grant, DatabaseGrant::getStatus);
    DatabaseGrantStatus status = statusOf(grant);
    DriftCheck drift = null;
    try {
      GrantParties.Resolution resolution = parties.resolve(context, grant);
      if (resolution instanceof GrantParties.Waiting waiting) {
        return waiting(grant, status, patch, started, waiting);
      }
      GrantParties.Resolved resolved = (GrantParties.Resolved) resolution;
      drift =
          DriftCheck.of(
              grant,
              grant.getSpec().getDriftPolicy(),
              resolved.parent().instance(),
              DriftCheck.appliedGeneration(status),
              services.config().defaultDriftInterval());
      DatabaseEngine engine = resolved.parent().engine();
      GrantSet requested =
          GrantRequests.forGrant(
              grant.getSpec(), resolved.parent().instance().getSpec().getEngine());
      GrantScope scope = resolved.scope(requested);
      Outcome outcome =
          engine.ensureGrants(resolved.grantee(), requested, scope, drift.enforcement());
      Outcomes.recordDrift(services.events(), grant, outcome.drift(), DRIFT);
      status.setDrift(drift.status(outcome.drift(), services.clock().instant()));
      boolean drifted = !outcome.drift().remaining().isEmpty();
      services
          .metrics()
          .driftDetected(
              ResourceKind.DATABASE_GRANT,
              namespace(grant),
              grant.getMetadata().getName(),
              drifted);
      if (outcome.changed() || drifted || status.getAppliedGrants() == null) {
        // What is in force now; a pass that changed nothing and found no drift leaves it as it was.
        status.setAppliedGrants(engine.currentGrants(resolved.grantee(), scope).toStatus());
      }
      if (drift.enforcement().mode() == Enforcement.Mode.APPLY) {
        recordChanges(grant, resolved, outcome.actions(), status.getAppliedGrants());
      }
      status.setPhase(Phase.Ready);
      ReadyCondition.set(
          status,
          true,
          "Ready",
          "Grants of " + resolved.describe() + " are in force",
          grant.getMetadata().getGeneration(),
          services.clock().instant());
    } catch (EngineException e) {
      boolean permanent = failures.report(grant, status, failureRow(drift), e);
      status.setPhase(Phase.Failed);
      finish(grant, status, started, ReconcileResult.ERROR);
      if (!permanent) {
        throw Failures.retry(e);
      }
      return patch.control(grant);
    }
    finish(grant, status, started, ReconcileResult.SUCCESS);
    return drift.reschedule(patch.control(grant), grant, services.clock().instant());
  }

  /** {@code Revoked} and {@code Applied} for what a pass that applied the spec changed. */
  private void recordChanges(
      DatabaseGrant grant,
      GrantParties.Resolved resolved,
      List<String> actions,
      AppliedGrants holds) {
    List<String> revoked =
        actions.stream().filter(a -> a.startsWith(DatabaseEngine.REVOKED)).toList();
    List<String> granted =
        actions.stream().filter(a -> !a.startsWith(DatabaseEngine.REVOKED)).toList();
    if (!revoked.isEmpty()) {
      services
          .events()
          .record(
              grant,
              GRANT_REVOKED,
              "Grants revoked from " + resolved.describe() + ": " + String.join("; ", revoked));
    }
    if (!granted.isEmpty()) {
      services
          .events()
          .record(
              grant,
              GRANT_APPLIED,
              "Grants applied to "
                  + resolved.describe()
                  + ": "
                  + String.join("; ", granted)
                  + "; now holds "
                  + holds.getRoles().size()
                  + " role(s) and "
                  + holds.getDirectGrants()
                  + " privilege(s)");
    }
  }

  private static CatalogEvent failureRow(DriftCheck drift) {
    if (drift == null) {
      return GRANT_RECONCILE_FAILED;
    }
    return switch (drift.enforcement().mode()) {
      case APPLY -> GRANT_APPLY_FAILED;
      case CORRECT -> GRANT_DRIFT_CORRECTION_FAILED;
      case DETECT, IGNORE -> GRANT_RECONCILE_FAILED;
    };
  }

  @Override
  public ErrorStatusUpdateControl<DatabaseGrant> updateErrorStatus(
      DatabaseGrant grant, Context<DatabaseGrant> context, Exception e) {
    DatabaseGrantStatus status = statusOf(grant);
    return failures.persist(grant, status, () -> status.setPhase(Phase.Failed), e);
  }

  @Override
  public DeleteControl cleanup(DatabaseGrant grant, Context<DatabaseGrant> context) {
    Optional<String> blocked =
        deletion.blocked(grant, !Boolean.FALSE.equals(grant.getSpec().getDeletionProtection()));
    if (blocked.isPresent()) {
      services.events().record(grant, GRANT_DELETION_BLOCKED, blocked.get());
      DatabaseGrantStatus status = statusOf(grant);
      DeletionStatus.block(
          services, grant, status, () -> status.setPhase(Phase.Failed), blocked.get());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    if (grant.getStatus() == null || grant.getStatus().getAppliedGrants() == null) {
      // Never got through a pass: it granted nothing, so there is nothing to revoke (and its
      // grantee may not even exist on the server).
      return gone(grant);
    }
    try {
      GrantParties.Resolution resolution = parties.resolveForRevocation(context, grant);
      if (resolution instanceof GrantParties.Waiting waiting) {
        // No grantee or no instance: nothing holds the privileges any more. An instance that is
        // not Ready: wait until it is.
        return waiting.nothingToRevoke()
            ? gone(grant)
            : DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
      }
      GrantParties.Resolved resolved = (GrantParties.Resolved) resolution;
      GrantSet requested =
          GrantRequests.forGrant(
              grant.getSpec(), resolved.parent().instance().getSpec().getEngine());
      Outcome revoked =
          resolved
              .parent()
              .engine()
              .ensureGrants(
                  resolved.grantee(),
                  GrantSet.EMPTY,
                  resolved.scope(requested),
                  Enforcement.apply());
      if (revoked.changed()) {
        services
            .events()
            .record(
                grant,
                GRANT_REVOKED,
                "Grants revoked from "
                    + resolved.describe()
                    + ": "
                    + String.join("; ", revoked.actions()));
      }
    } catch (EngineException e) {
      services.events().record(grant, GRANT_REVOKE_FAILED, "Failed to " + e.getMessage());
      if (Annotations.isTrue(grant, Annotations.FORCE_DELETE)) {
        return gone(grant);
      }
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    return gone(grant);
  }

  private DeleteControl gone(DatabaseGrant grant) {
    passes.gone(grant);
    return DeleteControl.defaultDelete();
  }

  private UpdateControl<DatabaseGrant> waiting(
      DatabaseGrant grant,
      DatabaseGrantStatus status,
      StatusPatch<DatabaseGrant> patch,
      Instant started,
      GrantParties.Waiting waiting) {
    status.setPhase(Phase.Pending);
    ReadyCondition.set(
        status,
        false,
        waiting.reason(),
        waiting.message(),
        grant.getMetadata().getGeneration(),
        services.clock().instant());
    finish(grant, status, started, ReconcileResult.SUCCESS);
    return patch.control(grant).rescheduleAfter(ParentInstance.RECHECK);
  }

  private void finish(
      DatabaseGrant grant, DatabaseGrantStatus status, Instant started, ReconcileResult result) {
    passes.finished(grant, status.getPhase(), started, result);
  }

  private static String namespace(DatabaseGrant grant) {
    return grant.getMetadata().getNamespace();
  }

  private static DatabaseGrantStatus statusOf(DatabaseGrant grant) {
    if (grant.getStatus() == null) {
      grant.setStatus(new DatabaseGrantStatus());
    }
    return grant.getStatus();
  }
}
