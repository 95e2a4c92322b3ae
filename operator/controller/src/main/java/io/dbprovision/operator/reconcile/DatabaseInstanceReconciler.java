package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.INSTANCE_CONNECTED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_CONNECTION_FAILED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_HEALTH_CHECK_FAILED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_HEALTH_CHECK_PASSED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_RECONCILE_FAILED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus.Phase;
import io.dbprovision.api.v1alpha1.HealthCheckSpec;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.engine.ConnectionFailedException;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.PermissionDeniedException;
import io.dbprovision.operator.engine.ServerInfo;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Connects to the server a DatabaseInstance names and checks it every {@code
 * healthCheck.intervalSeconds}. Each check reads the credentials Secret again, so a changed Secret
 * replaces the pool within one interval, and a deleted one closes it.
 *
 * <p>Events are transitions: {@code Connected} and {@code HealthCheckPassed} when the instance
 * becomes Ready; {@code ConnectionFailed} while it cannot connect, {@code HealthCheckFailed} when a
 * Ready instance's check fails. One failure, one Warning.
 */
@ControllerConfiguration(name = "databaseinstance")
public final class DatabaseInstanceReconciler
    implements Reconciler<DatabaseInstance>, Cleaner<DatabaseInstance> {
  private final OperatorServices services;
  private final PassMetrics passes;
  private final InstanceConnections connections;
  private final DeletionGuard deletion;
  private final Failures failures;

  public DatabaseInstanceReconciler(OperatorServices services, InstanceConnections connections) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_INSTANCE);
    this.connections = connections;
    this.deletion = new DeletionGuard(services.client());
    this.failures = new Failures(services.events(), services.clock());
  }

  @Override
  public UpdateControl<DatabaseInstance> reconcile(
      DatabaseInstance instance, Context<DatabaseInstance> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseInstance> patch = StatusPatch.of(instance, DatabaseInstance::getStatus);
    DatabaseInstanceStatus status = statusOf(instance);
    boolean wasReady = status.getPhase() == Phase.Ready;
    ReconcileResult result = ReconcileResult.SUCCESS;
    try {
      ServerInfo server = connections.engineFor(instance).checkHealth();
      healthy(instance, status, server, wasReady);
    } catch (EngineException e) {
      result = ReconcileResult.ERROR;
      unhealthy(instance, status, e, wasReady);
    }
    finish(instance, status, started, result);
    // The health check is the retry: every interval, permanent failures included, because a
    // fixed Secret or server does not change the instance's generation.
    UpdateControl<DatabaseInstance> control = patch.control(instance);
    return checksEnabled(instance) ? control.rescheduleAfter(interval(instance)) : control;
  }

  @Override
  public DeleteControl cleanup(DatabaseInstance instance, Context<DatabaseInstance> context) {
    Optional<String> blocked =
        deletion.blocked(
            instance, !Boolean.FALSE.equals(instance.getSpec().getDeletionProtection()));
    if (blocked.isPresent()) {
      services.events().record(instance, INSTANCE_DELETION_BLOCKED, blocked.get());
      DatabaseInstanceStatus status = statusOf(instance);
      DeletionStatus.block(
          services, instance, status, () -> status.setPhase(Phase.Failed), blocked.get());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    connections.forget(instance);
    passes.gone(instance);
    return DeleteControl.defaultDelete();
  }

  private void healthy(
      DatabaseInstance instance,
      DatabaseInstanceStatus status,
      ServerInfo server,
      boolean wasReady) {
    if (!wasReady) {
      String engine = instance.getSpec().getEngine().name();
      services
          .events()
          .record(
              instance,
              INSTANCE_CONNECTED,
              "Connected to " + engine + " " + server.version() + " at " + address(instance));
      services
          .events()
          .record(
              instance,
              INSTANCE_HEALTH_CHECK_PASSED,
              "Health check passed: "
                  + engine
                  + " "
                  + server.version()
                  + " answered in "
                  + server.latency().toMillis()
                  + " ms");
    }
    status.setPhase(Phase.Ready);
    status.setVersion(server.version());
    status.setLastCheckedAt(services.clock().instant().toString());
    ReadyCondition.set(
        status,
        true,
        "Connected",
        "Connected to " + address(instance),
        instance.getMetadata().getGeneration(),
        services.clock().instant());
    metricsHealth(instance, true, server.latency());
  }

  private void unhealthy(
      DatabaseInstance instance,
      DatabaseInstanceStatus status,
      EngineException e,
      boolean wasReady) {
    // A Ready instance whose check fails: HealthCheckFailed. One that cannot connect (server
    // unreachable, credentials refused): ConnectionFailed. Anything else (a missing Secret, an
    // unusable spec): ReconcileFailed.
    CatalogEvent row =
        wasReady
            ? INSTANCE_HEALTH_CHECK_FAILED
            : e instanceof ConnectionFailedException || e instanceof PermissionDeniedException
                ? INSTANCE_CONNECTION_FAILED
                : INSTANCE_RECONCILE_FAILED;
    failures.report(instance, status, row, e);
    status.setPhase(Phase.Failed);
    status.setLastCheckedAt(services.clock().instant().toString());
    metricsHealth(instance, false, Duration.ZERO);
  }

  private void finish(
      DatabaseInstance instance,
      DatabaseInstanceStatus status,
      Instant started,
      ReconcileResult result) {
    passes.finished(instance, status.getPhase(), started, result);
  }

  private void metricsHealth(DatabaseInstance instance, boolean healthy, Duration latency) {
    services
        .metrics()
        .instanceHealth(
            instance.getMetadata().getNamespace(),
            instance.getMetadata().getName(),
            instance.getSpec().getEngine(),
            healthy,
            latency);
  }

  private static DatabaseInstanceStatus statusOf(DatabaseInstance instance) {
    if (instance.getStatus() == null) {
      instance.setStatus(new DatabaseInstanceStatus());
    }
    return instance.getStatus();
  }

  private static boolean checksEnabled(DatabaseInstance instance) {
    HealthCheckSpec health = instance.getSpec().getHealthCheck();
    return health == null || !Boolean.FALSE.equals(health.getEnabled());
  }

  private static Duration interval(DatabaseInstance instance) {
    HealthCheckSpec health = instance.getSpec().getHealthCheck();
    Integer seconds = health == null ? null : health.getIntervalSeconds();
    return Duration.ofSeconds(seconds == null ? 30 : seconds);
  }

  private static String address(DatabaseInstance instance) {
    return instance.getSpec().getConnection().getHost()
        + ":"
        + instance.getSpec().getConnection().getPort();
  }
}
