package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.USER_CREATED;
import static io.dbprovision.api.events.CatalogEvent.USER_CREATE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.USER_DELETED;
import static io.dbprovision.api.events.CatalogEvent.USER_DELETE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.USER_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.USER_DRIFT_CORRECTED;
import static io.dbprovision.api.events.CatalogEvent.USER_DRIFT_CORRECTION_FAILED;
import static io.dbprovision.api.events.CatalogEvent.USER_DRIFT_DETECTED;
import static io.dbprovision.api.events.CatalogEvent.USER_PASSWORD_ROTATED;
import static io.dbprovision.api.events.CatalogEvent.USER_RECONCILE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.USER_SECRET_CREATED;
import static io.dbprovision.api.events.CatalogEvent.USER_SECRET_UPDATED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.DatabaseUserStatus;
import io.dbprovision.api.v1alpha1.DatabaseUserStatus.Phase;
import io.dbprovision.api.v1alpha1.DeletionPolicy;
import io.dbprovision.api.v1alpha1.RotationStatus;
import io.dbprovision.api.v1alpha1.SecretInfo;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.PasswordPolicy;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a login with a generated password, keeps its credentials Secret (recreated with a new
 * password when deleted), rotates the password on schedule, keeps its attributes as the spec says
 * (drift), and drops it on deletion unless protected, retained, or still owning objects.
 *
 * <p>A password change is written to the Secret first, marked pending, then set on the server, then
 * confirmed: whichever step fails, the next pass finishes the job, and the Secret never ends up
 * with a password the server forgot.
 */
@ControllerConfiguration(name = "databaseuser")
public final class DatabaseUserReconciler
    implements Reconciler<DatabaseUser>, Cleaner<DatabaseUser> {
  private static final Logger log = LoggerFactory.getLogger(DatabaseUserReconciler.class);
  private static final Outcomes.DriftRows DRIFT =
      new Outcomes.DriftRows(USER_DRIFT_DETECTED, USER_DRIFT_CORRECTED);

  private final OperatorServices services;
  private final PassMetrics passes;
  private final ParentInstance parents;
  private final DeletionGuard deletion;
  private final Failures failures;
  private final CredentialsSecret credentials;

  public DatabaseUserReconciler(OperatorServices services, InstanceConnections connections) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_USER);
    this.parents = new ParentInstance(services.client(), connections);
    this.deletion = new DeletionGuard(services.client());
    this.failures = new Failures(services.events(), services.clock());
    this.credentials = new CredentialsSecret(services.client());
  }

  /**
   * Watches the credentials Secrets (only the operator's), so that a deleted or edited one is
   * repaired at once. Creations are not watched: the operator makes them itself, and the pass it
   * would trigger could run on a copy of the DatabaseUser older than the status just written. Users
   * waiting for their instance go ahead as soon as it is Ready.
   */
  @Override
  public List<EventSource<?, DatabaseUser>> prepareEventSources(
      EventSourceContext<DatabaseUser> context) {
    return List.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Secret.class, DatabaseUser.class)
                .withLabelSelector(CredentialsSecret.MANAGED_BY + "=" + OperatorConfig.COMPONENT)
                .withOnAddFilter(created -> false)
                .build(),
            context),
        ParentInstance.trigger(context, user -> user.getSpec().getInstanceRef()));
  }

  @Override
  public UpdateControl<DatabaseUser> reconcile(DatabaseUser user, Context<DatabaseUser> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseUser> patch = StatusPatch.of(user, DatabaseUser::getStatus);
    DatabaseUserStatus status = statusOf(user);
    String name = user.getSpec().getUsername();
    // The Secret is recorded in status only after the login exists: before that, a failure is a
    // failed creation.
    boolean exists = status.getSecret() != null;
    CatalogEvent onFailure = exists ? USER_RECONCILE_FAILED : USER_CREATE_FAILED;
    DriftCheck drift;
    Duration next;
    try {
      ParentInstance.Resolution resolution =
          parents.resolve(context, namespace(user), user.getSpec().getInstanceRef());
      if (resolution instanceof ParentInstance.Waiting waiting) {
        status.setPhase(Phase.Pending);
        waiting.report(status, user.getMetadata().getGeneration(), services.clock().instant());
        finish(user, status, started, ReconcileResult.SUCCESS);
        return patch.control(user).rescheduleAfter(ParentInstance.RECHECK);
      }
      ParentInstance.Available parent = (ParentInstance.Available) resolution;
      drift =
          DriftCheck.of(
              user,
              user.getSpec().getDriftPolicy(),
              parent.instance(),
              status.getObservedGeneration(),
              services.config().defaultDriftInterval());
      PasswordPolicy policy = passwordPolicy(user);
      Optional<PasswordRotation> rotation =
          PasswordRotation.of(user.getSpec().getPasswordRotation());
      DesiredLogin login = DesiredLogin.from(user.getSpec());
      DatabaseEngine engine = parent.engine();
      UserPassword password = UserPassword.read(credentials, user, policy);
      if (!exists && password.setAt().isPresent()) {
        exists = true; // an earlier pass created the login; its status has not reached us
        onFailure = USER_RECONCILE_FAILED;
      }

      if (exists && drift.enforcement().isDriftCorrection()) {
        onFailure = USER_DRIFT_CORRECTION_FAILED;
      }
      Outcome outcome = engine.ensureUser(login, password.initial(), drift.enforcement());
      onFailure = USER_RECONCILE_FAILED;
      boolean created = outcome.change() == Outcome.Change.CREATED;
      if (created) {
        services
            .events()
            .record(
                user,
                USER_CREATED,
                "User "
                    + name
                    + " created on instance "
                    + parent.instance().getMetadata().getName());
      }
      Outcomes.recordDrift(services.events(), user, outcome.drift(), DRIFT);

      Instant now = services.clock().instant();
      UserPassword.Result settled =
          password.settle(engine, login, parent.instance(), created, rotation, now);
      log.debug("User {}: password change {}, set at {}", name, settled.change(), settled.setAt());
      recordSecret(user, settled, rotation);
      status.setSecret(secretInfo(user, settled.setAt()));
      status.setRotation(
          rotation.map(r -> rotationStatus(r, status.getRotation(), settled)).orElse(null));

      status.setDrift(drift.status(outcome.drift(), services.clock().instant()));
      services
          .metrics()
          .driftDetected(
              ResourceKind.DATABASE_USER,
              namespace(user),
              user.getMetadata().getName(),
              !outcome.drift().remaining().isEmpty());
      status.setPhase(Phase.Ready);
      ReadyCondition.set(
          status,
          true,
          "Ready",
          "User " + name + " is ready; credentials in Secret " + CredentialsSecret.name(user),
          user.getMetadata().getGeneration(),
          services.clock().instant());
      next = nextPass(user, drift, rotation, settled.setAt(), now);
    } catch (EngineException e) {
      boolean permanent = failures.report(user, status, onFailure, e);
      status.setPhase(Phase.Failed);
      finish(user, status, started, ReconcileResult.ERROR);
      if (!permanent) {
        throw Failures.retry(e);
      }
      return patch.control(user);
    } catch (KubernetesClientException e) {
      String message = secretFailure(user, e);
      services.events().record(user, onFailure, message);
      status.setPhase(Phase.Failed);
      ReadyCondition.set(
          status,
          false,
          onFailure.reason(),
          message,
          user.getMetadata().getGeneration(),
          services.clock().instant());
      finish(user, status, started, ReconcileResult.ERROR);
      throw new Failures.RetryableFailure(message.substring("Failed to ".length()));
    }
    finish(user, status, started, ReconcileResult.SUCCESS);
    UpdateControl<DatabaseUser> control = patch.control(user);
    return next.isZero() ? control : control.rescheduleAfter(next);
  }

  /** The spec's password settings, refused when the password or its Secret cannot be made. */
  private static PasswordPolicy passwordPolicy(DatabaseUser user) throws InvalidSpecException {
    String shown = Identifiers.display(user.getSpec().getUsername());
    PasswordPolicy policy = PasswordPolicy.from(user.getSpec().getPasswordSecret());
    Optional<String> problem = policy.problem();
    if (problem.isPresent()) {
      throw new InvalidSpecException("generate a password for " + shown, problem.get());
    }
    Optional<String> badSecretName = CredentialsSecret.nameProblem(user);
    if (badSecretName.isPresent()) {
      throw new InvalidSpecException(
          "name the credentials Secret of " + shown, badSecretName.get());
    }
    return policy;
  }

  /**
   * A failed Secret call, described by its status code only: the client's message may quote the
   * request, which can carry the password.
   */
  private static String secretFailure(DatabaseUser user, KubernetesClientException e) {
    return "Failed to sync credentials Secret "
        + namespace(user)
        + "/"
        + CredentialsSecret.name(user)
        + (e.getCode() > 0
            ? ": HTTP "
                + e.getCode()
                + (e.getStatus() != null && e.getStatus().getReason() != null
                    ? " " + e.getStatus().getReason()
                    : "")
            : ": the request could not be sent");
  }

  /** SecretCreated / SecretUpdated for what happened to the Secret, PasswordRotated on rotation. */
  private void recordSecret(
      DatabaseUser user, UserPassword.Result settled, Optional<PasswordRotation> rotation) {
    String secret = CredentialsSecret.name(user);
    String name = user.getSpec().getUsername();
    if (settled.change() == UserPassword.Change.ROTATED) {
      services
          .events()
          .record(
              user,
              USER_PASSWORD_ROTATED,
              "Password of user "
                  + name
                  + " rotated on schedule; Secret "
                  + secret
                  + " holds the new one"
                  + rotation
                      .flatMap(r -> r.next(settled.setAt()))
                      .map(t -> "; next rotation at " + t)
                      .orElse(""));
    }
    switch (settled.written()) {
      case CREATED ->
          services
              .events()
              .record(
                  user,
                  USER_SECRET_CREATED,
                  "Secret "
                      + secret
                      + " created with the credentials of user "
                      + name
                      + (settled.change() == UserPassword.Change.REGENERATED
                          ? "; the Secret was missing, so the user's password was reset to a new"
                              + " one"
                          : ""));
      case UPDATED ->
          services
              .events()
              .record(
                  user,
                  USER_SECRET_UPDATED,
                  "Secret "
                      + secret
                      + " updated for user "
                      + name
                      + switch (settled.change()) {
                        case REGENERATED ->
                            ": it held no password, so the user's password was reset to a new one";
                        case ROTATED -> ": new password from the rotation schedule";
                        case UNCONFIRMED -> ": its password is now set on the server";
                        case NONE -> ": connection details brought up to date";
                      });
      case UNCHANGED -> {
        // nothing to say
      }
    }
  }

  private SecretInfo secretInfo(DatabaseUser user, Instant passwordSetAt) {
    SecretInfo info = new SecretInfo();
    info.setName(CredentialsSecret.name(user));
    info.setNamespace(namespace(user));
    info.setLastRotatedAt(passwordSetAt.toString());
    return info;
  }

  private static RotationStatus rotationStatus(
      PasswordRotation rotation, RotationStatus previous, UserPassword.Result settled) {
    RotationStatus status = new RotationStatus();
    status.setLastRotatedAt(
        settled.change() == UserPassword.Change.ROTATED
            ? settled.setAt().toString()
            : previous == null ? null : previous.getLastRotatedAt());
    status.setNextRotationAt(rotation.next(settled.setAt()).map(Instant::toString).orElse(null));
    return status;
  }

  /** The drift interval, or sooner when the next rotation comes first. */
  private static Duration nextPass(
      DatabaseUser user,
      DriftCheck drift,
      Optional<PasswordRotation> rotation,
      Instant setAt,
      Instant now) {
    Duration next = drift.next(user, now);
    if (rotation.isPresent()) {
      Duration wait = PasswordRotation.wait(rotation.get().next(setAt), now);
      next = next.isZero() || wait.compareTo(next) < 0 ? wait : next;
    }
    return next;
  }

  @Override
  public ErrorStatusUpdateControl<DatabaseUser> updateErrorStatus(
      DatabaseUser user, Context<DatabaseUser> context, Exception e) {
    DatabaseUserStatus status = statusOf(user);
    return failures.persist(user, status, () -> status.setPhase(Phase.Failed), e);
  }

  @Override
  public DeleteControl cleanup(DatabaseUser user, Context<DatabaseUser> context) {
    Optional<String> blocked = deletion.blocked(user, DeletionGuard.protectedByAnnotation(user));
    if (blocked.isPresent()) {
      return block(user, blocked.get());
    }
    String name = user.getSpec().getUsername();
    if (deletionPolicy(user) == DeletionPolicy.Retain) {
      credentials.release(user);
      return gone(user);
    }
    try {
      ParentInstance.Resolution resolution =
          parents.resolve(context, namespace(user), user.getSpec().getInstanceRef());
      if (resolution instanceof ParentInstance.Waiting waiting) {
        // No instance at all: nothing to drop from. One not Ready: wait until it is.
        return waiting.instanceMissing()
            ? gone(user)
            : DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
      }
      ParentInstance.Available parent = (ParentInstance.Available) resolution;
      if (!Annotations.isTrue(user, Annotations.FORCE_DELETE)) {
        List<String> owned = parent.engine().objectsOwnedBy(name);
        if (!owned.isEmpty()) {
          return block(user, ownershipMessage(name, owned));
        }
      }
      Outcome dropped = parent.engine().dropUser(name);
      if (dropped.changed()) {
        services
            .events()
            .record(
                user,
                USER_DELETED,
                "User "
                    + name
                    + " dropped from instance "
                    + parent.instance().getMetadata().getName());
      }
    } catch (EngineException e) {
      services.events().record(user, USER_DELETE_FAILED, "Failed to " + e.getMessage());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    return gone(user);
  }

  private DeleteControl block(DatabaseUser user, String message) {
    services.events().record(user, USER_DELETION_BLOCKED, message);
    DatabaseUserStatus status = statusOf(user);
    DeletionStatus.block(services, user, status, () -> status.setPhase(Phase.Failed), message);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
  }

  private static String ownershipMessage(String name, List<String> owned) {
    int shown = Math.min(owned.size(), 5);
    return "Deletion blocked: user "
        + name
        + " owns "
        + owned.size()
        + " database object(s) ("
        + String.join(", ", owned.subList(0, shown))
        + (owned.size() > shown ? ", ..." : "")
        + "). Reassign or drop them (PostgreSQL: REASSIGN OWNED BY "
        + name
        + " TO <role>), or annotate with "
        + Annotations.FORCE_DELETE
        + "=true to hand them to the operator's account and drop the user";
  }

  /** The {@code deletion-policy} annotation; anything but Retain means Delete. */
  private static DeletionPolicy deletionPolicy(DatabaseUser user) {
    Map<String, String> annotations = user.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(Annotations.DELETION_POLICY);
    return DeletionPolicy.Retain.name().equalsIgnoreCase(value)
        ? DeletionPolicy.Retain
        : DeletionPolicy.Delete;
  }

  private DeleteControl gone(DatabaseUser user) {
    passes.gone(user);
    return DeleteControl.defaultDelete();
  }

  private void finish(
      DatabaseUser user, DatabaseUserStatus status, Instant started, ReconcileResult result) {
    passes.finished(user, status.getPhase(), started, result);
  }

  private static String namespace(DatabaseUser user) {
    return user.getMetadata().getNamespace();
  }

  private static DatabaseUserStatus statusOf(DatabaseUser user) {
    if (user.getStatus() == null) {
      user.setStatus(new DatabaseUserStatus());
    }
    return user.getStatus();
  }
}
