package io.dbprovision.api.events;

import static io.dbprovision.api.ResourceKind.DATABASE;
import static io.dbprovision.api.ResourceKind.DATABASE_BACKUP;
import static io.dbprovision.api.ResourceKind.DATABASE_BACKUP_SCHEDULE;
import static io.dbprovision.api.ResourceKind.DATABASE_GRANT;
import static io.dbprovision.api.ResourceKind.DATABASE_INSTANCE;
import static io.dbprovision.api.ResourceKind.DATABASE_RESTORE;
import static io.dbprovision.api.ResourceKind.DATABASE_ROLE;
import static io.dbprovision.api.ResourceKind.DATABASE_USER;
import static io.dbprovision.api.events.EventType.Normal;
import static io.dbprovision.api.events.EventType.Warning;

import io.dbprovision.api.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The event catalog: every Event the operator may emit, one constant per (kind, reason) row of the
 * events reference. It is the single source of truth for the operator (which emits only these), the
 * exporter (which pre-creates and classifies series from them), the alerting rules and the docs.
 * Constants are in the reference's order, kind by kind.
 */
public enum CatalogEvent {
  INSTANCE_CONNECTED(
      DATABASE_INSTANCE, "Connected", Normal, "Successfully connected to the database server"),
  INSTANCE_CONNECTION_FAILED(
      DATABASE_INSTANCE,
      "ConnectionFailed",
      Warning,
      "Failed to establish connection to the database server"),
  INSTANCE_HEALTH_CHECK_PASSED(
      DATABASE_INSTANCE, "HealthCheckPassed", Normal, "Health check succeeded"),
  INSTANCE_HEALTH_CHECK_FAILED(
      DATABASE_INSTANCE, "HealthCheckFailed", Warning, "Health check failed"),
  INSTANCE_DELETION_BLOCKED(
      DATABASE_INSTANCE, "DeletionBlocked", Warning, "Deletion blocked by deletion protection"),
  INSTANCE_RECONCILE_FAILED(
      DATABASE_INSTANCE, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  DATABASE_CREATED(DATABASE, "Created", Normal, "Database was successfully created"),
  DATABASE_DELETED(DATABASE, "Deleted", Normal, "Database was successfully deleted"),
  DATABASE_CREATE_FAILED(DATABASE, "CreateFailed", Warning, "Failed to create the database"),
  DATABASE_DELETE_FAILED(DATABASE, "DeleteFailed", Warning, "Failed to delete the database"),
  DATABASE_DELETION_BLOCKED(
      DATABASE, "DeletionBlocked", Warning, "Deletion blocked by deletion protection"),
  DATABASE_DRIFT_DETECTED(DATABASE, "DriftDetected", Warning, "Configuration drift was detected"),
  DATABASE_DRIFT_CORRECTED(DATABASE, "DriftCorrected", Normal, "Drift was automatically corrected"),
  DATABASE_DRIFT_CORRECTION_FAILED(
      DATABASE, "DriftCorrectionFailed", Warning, "Failed to correct detected drift"),
  DATABASE_RECONCILE_FAILED(
      DATABASE, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  USER_CREATED(DATABASE_USER, "Created", Normal, "User was successfully created"),
  USER_DELETED(DATABASE_USER, "Deleted", Normal, "User was successfully deleted"),
  USER_CREATE_FAILED(DATABASE_USER, "CreateFailed", Warning, "Failed to create the user"),
  USER_DELETE_FAILED(DATABASE_USER, "DeleteFailed", Warning, "Failed to delete the user"),
  USER_DELETION_BLOCKED(
      DATABASE_USER, "DeletionBlocked", Warning, "Deletion blocked by deletion protection"),
  USER_PASSWORD_ROTATED(DATABASE_USER, "PasswordRotated", Normal, "User password was rotated"),
  USER_SECRET_CREATED(DATABASE_USER, "SecretCreated", Normal, "Credentials secret was created"),
  USER_SECRET_UPDATED(DATABASE_USER, "SecretUpdated", Normal, "Credentials secret was updated"),
  USER_DRIFT_DETECTED(DATABASE_USER, "DriftDetected", Warning, "Configuration drift was detected"),
  USER_DRIFT_CORRECTED(
      DATABASE_USER, "DriftCorrected", Normal, "Drift was automatically corrected"),
  USER_DRIFT_CORRECTION_FAILED(
      DATABASE_USER, "DriftCorrectionFailed", Warning, "Failed to correct detected drift"),
  USER_RECONCILE_FAILED(
      DATABASE_USER, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  ROLE_CREATED(DATABASE_ROLE, "Created", Normal, "Role was successfully created"),
  ROLE_DELETED(DATABASE_ROLE, "Deleted", Normal, "Role was successfully deleted"),
  ROLE_CREATE_FAILED(DATABASE_ROLE, "CreateFailed", Warning, "Failed to create the role"),
  ROLE_DELETE_FAILED(DATABASE_ROLE, "DeleteFailed", Warning, "Failed to delete the role"),
  ROLE_DELETION_BLOCKED(
      DATABASE_ROLE, "DeletionBlocked", Warning, "Deletion blocked by deletion protection"),
  ROLE_DRIFT_DETECTED(DATABASE_ROLE, "DriftDetected", Warning, "Configuration drift was detected"),
  ROLE_DRIFT_CORRECTED(
      DATABASE_ROLE, "DriftCorrected", Normal, "Drift was automatically corrected"),
  ROLE_DRIFT_CORRECTION_FAILED(
      DATABASE_ROLE, "DriftCorrectionFailed", Warning, "Failed to correct detected drift"),
  ROLE_RECONCILE_FAILED(
      DATABASE_ROLE, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  GRANT_APPLIED(DATABASE_GRANT, "Applied", Normal, "Grants were successfully applied"),
  GRANT_REVOKED(DATABASE_GRANT, "Revoked", Normal, "Grants were successfully revoked"),
  GRANT_APPLY_FAILED(DATABASE_GRANT, "ApplyFailed", Warning, "Failed to apply grants"),
  GRANT_REVOKE_FAILED(DATABASE_GRANT, "RevokeFailed", Warning, "Failed to revoke grants"),
  GRANT_DELETION_BLOCKED(
      DATABASE_GRANT, "DeletionBlocked", Warning, "Deletion blocked by deletion protection"),
  GRANT_DRIFT_DETECTED(
      DATABASE_GRANT, "DriftDetected", Warning, "Configuration drift was detected"),
  GRANT_DRIFT_CORRECTED(
      DATABASE_GRANT, "DriftCorrected", Normal, "Drift was automatically corrected"),
  GRANT_DRIFT_CORRECTION_FAILED(
      DATABASE_GRANT, "DriftCorrectionFailed", Warning, "Failed to correct detected drift"),
  GRANT_RECONCILE_FAILED(
      DATABASE_GRANT, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  BACKUP_STARTED(DATABASE_BACKUP, "Started", Normal, "Backup operation started"),
  BACKUP_COMPLETED(DATABASE_BACKUP, "Completed", Normal, "Backup completed successfully"),
  BACKUP_FAILED(DATABASE_BACKUP, "Failed", Warning, "Backup operation failed"),
  BACKUP_PROGRESS_UPDATED(
      DATABASE_BACKUP, "ProgressUpdated", Normal, "Backup progress was updated"),
  BACKUP_RECONCILE_FAILED(
      DATABASE_BACKUP, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  RESTORE_STARTED(DATABASE_RESTORE, "Started", Normal, "Restore operation started"),
  RESTORE_COMPLETED(DATABASE_RESTORE, "Completed", Normal, "Restore completed successfully"),
  RESTORE_FAILED(DATABASE_RESTORE, "Failed", Warning, "Restore operation failed"),
  RESTORE_DEADLINE_EXCEEDED(
      DATABASE_RESTORE, "DeadlineExceeded", Warning, "Restore exceeded the configured timeout"),
  RESTORE_VALIDATION_FAILED(
      DATABASE_RESTORE, "ValidationFailed", Warning, "Restore validation failed"),
  RESTORE_PROGRESS_UPDATED(
      DATABASE_RESTORE, "ProgressUpdated", Normal, "Restore progress was updated"),
  RESTORE_RECONCILE_FAILED(
      DATABASE_RESTORE, "ReconcileFailed", Warning, "Reconciliation loop encountered an error"),

  SCHEDULE_BACKUP_TRIGGERED(
      DATABASE_BACKUP_SCHEDULE, "BackupTriggered", Normal, "Scheduled backup was triggered"),
  SCHEDULE_PAUSED(DATABASE_BACKUP_SCHEDULE, "Paused", Normal, "Backup schedule was paused"),
  SCHEDULE_RESUMED(DATABASE_BACKUP_SCHEDULE, "Resumed", Normal, "Backup schedule was resumed"),
  SCHEDULE_DELETION_BLOCKED(
      DATABASE_BACKUP_SCHEDULE,
      "DeletionBlocked",
      Warning,
      "Deletion blocked by deletion protection"),
  SCHEDULE_RETENTION_APPLIED(
      DATABASE_BACKUP_SCHEDULE,
      "RetentionApplied",
      Normal,
      "Retention policy was applied, old backups deleted"),
  SCHEDULE_RECONCILE_FAILED(
      DATABASE_BACKUP_SCHEDULE,
      "ReconcileFailed",
      Warning,
      "Reconciliation loop encountered an error");

  private final ResourceKind kind;
  private final String reason;
  private final EventType type;
  private final String description;

  CatalogEvent(ResourceKind kind, String reason, EventType type, String description) {
    this.kind = kind;
    this.reason = reason;
    this.type = type;
    this.description = description;
  }

  public ResourceKind kind() {
    return kind;
  }

  /** The Event's {@code reason}, exactly as the API server stores it. */
  public String reason() {
    return reason;
  }

  public EventType type() {
    return type;
  }

  /** What the event means, in the words of the events reference. */
  public String description() {
    return description;
  }

  public Optional<EventCategory> category() {
    return EventCategory.of(reason);
  }

  /** The catalog rows of one kind, in reference order. */
  public static List<CatalogEvent> of(ResourceKind kind) {
    return Arrays.stream(values()).filter(e -> e.kind == kind).toList();
  }

  /** The catalog row for a kind and reason, if there is one. */
  public static Optional<CatalogEvent> find(String kind, String reason) {
    return Arrays.stream(values())
        .filter(e -> e.kind.kind().equals(kind) && e.reason.equals(reason))
        .findFirst();
  }
}
