package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.Password;
import io.dbprovision.operator.model.PasswordPolicy;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * One pass over a login's password: what the credentials Secret holds when the pass starts, and
 * what changes once the login is known to exist. The Secret is the one place the password lives; a
 * change is written there marked pending, set on the server, then confirmed, so whichever step
 * fails, the next pass finishes it and the Secret never keeps a password the server forgot.
 */
final class UserPassword {
  /** Why a pass sets a password on an existing login. */
  enum Change {
    NONE,
    /** The Secret was missing or held no password: a new one replaces the lost one. */
    REGENERATED,
    /** The Secret holds a password an earlier pass wrote but did not confirm on the server. */
    UNCONFIRMED,
    /** The rotation schedule came due. */
    ROTATED
  }

  /** What the pass did to the Secret and the password, and when the password was set. */
  record Result(CredentialsSecret.Write written, Change change, Instant setAt) {}

  private final CredentialsSecret secrets;
  private final DatabaseUser user;
  private final PasswordPolicy policy;
  private final Optional<Secret> secret;
  private final Optional<Password> kept;
  private final Password initial;

  private UserPassword(
      CredentialsSecret secrets,
      DatabaseUser user,
      PasswordPolicy policy,
      Optional<Secret> secret) {
    this.secrets = secrets;
    this.user = user;
    this.policy = policy;
    this.secret = secret;
    this.kept = secret.flatMap(CredentialsSecret::password);
    this.initial = kept.orElseGet(policy::generate);
  }

  /** Reads the Secret as it is now. */
  static UserPassword read(CredentialsSecret secrets, DatabaseUser user, PasswordPolicy policy) {
    return new UserPassword(secrets, user, policy, secrets.read(user));
  }

  /** The password a login created on this pass gets: the Secret's, else a new one. */
  Password initial() {
    return initial;
  }

  /** When the Secret's password was set, if the operator recorded it (then the login exists). */
  Optional<Instant> setAt() {
    return secret.flatMap(CredentialsSecret::passwordSetAt);
  }

  /**
   * Brings the Secret and the server's password in step, the login existing: {@code created} says
   * whether it was created on this pass (with {@link #initial}); a due {@code rotation} replaces
   * the password.
   */
  Result settle(
      DatabaseEngine engine,
      DesiredLogin login,
      DatabaseInstance instance,
      boolean created,
      Optional<PasswordRotation> rotation,
      Instant now)
      throws EngineException {
    Instant since = setAt().orElse(now);
    Password password = initial;
    Change change;
    if (created) {
      change = Change.NONE; // created with the Secret's password, or the one about to be written
    } else if (kept.isEmpty()) {
      change = Change.REGENERATED;
    } else if (secret.map(CredentialsSecret::pending).orElse(false)) {
      change = Change.UNCONFIRMED;
    } else if (rotation.isPresent() && rotation.get().due(since, now)) {
      change = Change.ROTATED;
      password = policy.generate();
    } else {
      change = Change.NONE;
    }
    Instant setAt = created || change != Change.NONE ? now : since;
    if (change == Change.NONE) {
      return new Result(
          secrets.write(user, instance, password, secret, false, setAt), change, setAt);
    }
    CredentialsSecret.Write written = secrets.write(user, instance, password, secret, true, setAt);
    engine.setPassword(login, password);
    secrets.write(user, instance, password, secrets.read(user), false, setAt);
    return new Result(written, change, setAt);
  }
}
