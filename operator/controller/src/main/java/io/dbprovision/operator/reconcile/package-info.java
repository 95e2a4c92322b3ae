/**
 * JOSDK glue: one reconciler per kind, each reading like a table of contents (derive the desired
 * state, ask the engine, record Events from its {@link io.dbprovision.operator.engine.Outcome},
 * patch status). No SQL here.
 *
 * <p>Shared parts, one role each: {@link io.dbprovision.operator.reconcile.InstanceConnections}
 * (Secret to pool to engine), {@link io.dbprovision.operator.reconcile.ParentInstance} (children
 * wait in Pending while their instance is missing or not Ready), {@link
 * io.dbprovision.operator.reconcile.ReadyCondition} and {@link
 * io.dbprovision.operator.reconcile.StatusPatch} (the Kubernetes condition shape; patch only on
 * change; observedGeneration always written), {@link io.dbprovision.operator.reconcile.Failures}
 * (one Warning per failure; permanent ones wait for the next generation, transient ones go back to
 * JOSDK's retry), {@link io.dbprovision.operator.reconcile.DeletionGuard} (protection, children,
 * force-delete), {@link io.dbprovision.operator.reconcile.DriftCheck} (policy inheritance and
 * {@code status.drift}).
 *
 * <p>Decisions and limits:
 *
 * <ul>
 *   <li>The instance's Secret is not watched: every health check reads it again, so a changed
 *       Secret replaces the pool within one {@code healthCheck.intervalSeconds}.
 *   <li>{@code ConnectionFailed} is for an instance that cannot connect (never Ready, or after a
 *       failure); {@code HealthCheckFailed} for a Ready instance whose check fails. One failure is
 *       one Warning, the recorder folds repeats into {@code count}.
 *   <li>A drift check runs on every pass; passes come at the drift interval (resource, else
 *       instance, else {@code DBPROVISION_DEFAULT_DRIFT_INTERVAL}) or on spec changes.
 *   <li>A Database whose instance no longer exists is released without a DROP (there is no server
 *       to drop from); one whose instance is not Ready waits.
 *   <li>A DatabaseBackupSchedule keeps its place in {@code status.nextBackupTime} and wakes itself
 *       for exactly that time; it writes status through JOSDK's update-and-cache so that the pass a
 *       new backup's event starts right after a trigger reads what the trigger wrote. It does not
 *       wait for the Database: the backups it creates do.
 *   <li>DatabaseUser ({@link io.dbprovision.operator.reconcile.CredentialsSecret}, {@link
 *       io.dbprovision.operator.reconcile.PasswordRotation}): the credentials Secret is the one
 *       place a password lives. A password in an existing Secret is honoured; a missing or empty
 *       one is regenerated and set on the server. Every password change is written to the Secret
 *       marked pending, set on the server, then confirmed, so a failure in between heals on the
 *       next pass. When the password was set is kept on the Secret too, so rotation does not depend
 *       on status, which may be stale or lost.
 *   <li>A DatabaseUser that still owns objects is not dropped ({@code DeletionBlocked}, naming
 *       them) unless {@code force-delete} is set; then the engine hands them to the operator's
 *       account. The {@code deletion-policy: Retain} annotation keeps the login and releases its
 *       Secret from the owner reference so the credentials stay usable.
 * </ul>
 */
package io.dbprovision.operator.reconcile;
