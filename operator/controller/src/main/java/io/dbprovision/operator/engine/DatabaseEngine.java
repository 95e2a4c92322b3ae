package io.dbprovision.operator.engine;

import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Password;
import java.util.List;
import java.util.OptionalLong;

/**
 * The port between reconcilers and a database server. One implementation per dialect (PostgreSQL;
 * MySQL and MariaDB), bound to one instance's connections.
 *
 * <p>Every {@code ensure*} is idempotent: it creates what is missing, compares the rest with the
 * desired state, changes what the {@link Enforcement} allows, and returns an {@link Outcome} saying
 * what it did and what drift it found. Calling it again with the same arguments is a {@link
 * Outcome.Change#NOOP}. Every {@code drop*} is idempotent too: dropping what is not there is a
 * NOOP.
 *
 * <p>Failures are {@link EngineException}s: permanent (invalid spec, permission denied) or
 * transient (connection, busy). Messages never contain SQL text or passwords.
 */
public interface DatabaseEngine {
  /**
   * The first word of every {@link #ensureGrants} action that takes privileges away; the others
   * begin with {@link #GRANTED}. Reconcilers report the two as different events.
   */
  String REVOKED = "revoked ";

  /** The first word of every {@link #ensureGrants} action that gives privileges. */
  String GRANTED = "granted ";

  /** Connects, reads the server version, and measures the round trip. */
  ServerInfo checkHealth() throws EngineException;

  /**
   * Creates the database when missing (PostgreSQL: owner, encoding, locales, template, tablespace,
   * connection limit, template flag; MySQL: character set and collation), then makes owner,
   * connection limit, tablespace, extensions and schemas (PostgreSQL) or character set and
   * collation (MySQL) match. Encoding and locales cannot change after creation and are reported as
   * immutable drift.
   */
  Outcome ensureDatabase(DesiredDatabase database, Enforcement enforcement) throws EngineException;

  /** Size on disk of a database, or empty when it does not exist. */
  OptionalLong databaseSize(String name) throws EngineException;

  /**
   * Drops the database and everything in it. PostgreSQL sessions connected to it are terminated
   * first; MySQL needs no such step.
   */
  Outcome dropDatabase(String name) throws EngineException;

  /**
   * Creates the login when missing, with {@code initialPassword}, and otherwise makes its
   * attributes (PostgreSQL) or account options and hosts (MySQL) match. The password of an existing
   * login is left alone; see {@link #setPassword}.
   */
  Outcome ensureUser(DesiredLogin login, Password initialPassword, Enforcement enforcement)
      throws EngineException;

  /** Sets a new password on an existing login (on every host of a MySQL account). */
  Outcome setPassword(DesiredLogin login, Password password) throws EngineException;

  /**
   * Drops the login (every host's account on MySQL). On PostgreSQL, when privileges or owned
   * objects elsewhere hold the role, what it owns is reassigned to the operator's account and its
   * remaining privileges are dropped in every database, then the drop is retried: data survives.
   * Reconcilers that must not drop an owner ask {@link #objectsOwnedBy} first.
   */
  Outcome dropUser(String name) throws EngineException;

  /** Creates the role when missing and makes its attributes match. */
  Outcome ensureRole(DesiredRole role, Enforcement enforcement) throws EngineException;

  /** Drops the role, revoking its memberships first. */
  Outcome dropRole(String name) throws EngineException;

  /**
   * Objects a principal owns, as {@code kind name} strings (for instance {@code database orders} or
   * {@code table orders.app.lines}); a non-empty answer blocks deleting the principal. PostgreSQL
   * looks in the administrative database and the databases it owns; MySQL looks for views,
   * routines, triggers and events whose definer it is.
   */
  List<String> objectsOwnedBy(String principal) throws EngineException;

  /**
   * What the grantee holds inside the scope, read from the server's catalogs. Memberships outside
   * the scope's exclusions, privileges in the scope's databases, default privileges there.
   */
  GrantSet currentGrants(Grantee grantee, GrantScope scope) throws EngineException;

  /**
   * Resolves a requested grant set against the server: expands {@code ALL PRIVILEGES} into what it
   * means on this server, wildcard targets into the objects that exist, and PostgreSQL function
   * names into their signatures; checks names and privileges against the engine's allowlist.
   */
  GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException;

  /** Runs a plan: revocations first, then grants. */
  void applyGrantPlan(Grantee grantee, GrantPlan plan) throws EngineException;

  /**
   * Makes the grantee hold exactly {@code requested} inside {@code scope}: resolves it, reads the
   * current grants, diffs, and applies what the enforcement allows (missing privileges are ordinary
   * differences, extra ones destructive).
   */
  default Outcome ensureGrants(
      Grantee grantee, GrantSet requested, GrantScope scope, Enforcement enforcement)
      throws EngineException {
    GrantSet desired = resolve(grantee, requested);
    GrantPlan plan = GrantPlan.diff(currentGrants(grantee, scope), desired);
    Changes changes = new Changes(enforcement);
    GrantPlan revocations = plan.revocationsOnly();
    changes.differ(
        revocations.differences(),
        REVOKED + describe(revocations),
        () -> applyGrantPlan(grantee, revocations));
    GrantPlan grants = plan.grantsOnly();
    changes.differ(
        grants.differences(), GRANTED + describe(grants), () -> applyGrantPlan(grantee, grants));
    return changes.outcome();
  }

  private static String describe(GrantPlan plan) {
    int memberships = plan.membershipsToGrant().size() + plan.membershipsToRevoke().size();
    int privileges = plan.privilegesToGrant().size() + plan.privilegesToRevoke().size();
    int defaults = plan.defaultPrivilegesToGrant().size() + plan.defaultPrivilegesToRevoke().size();
    return memberships
        + " role membership(s), "
        + privileges
        + " privilege(s), "
        + defaults
        + " default privilege(s)";
  }
}
