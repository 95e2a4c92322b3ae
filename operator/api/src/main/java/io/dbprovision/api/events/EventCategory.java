package io.dbprovision.api.events;

import java.util.Optional;
import java.util.Set;

/**
 * The event categories of the events reference. A category belongs to a reason, not to a kind, so
 * it is derived from the reason; reasons the reference does not categorise (such as {@code
 * ReconcileFailed} or {@code PasswordRotated}) have none.
 */
public enum EventCategory {
  LIFECYCLE(
      "Lifecycle", Set.of("Created", "Deleted", "CreateFailed", "DeleteFailed", "DeletionBlocked")),
  DRIFT("Drift", Set.of("DriftDetected", "DriftCorrected", "DriftCorrectionFailed")),
  BACKUP_RESTORE(
      "Backup/Restore",
      Set.of(
          "Started",
          "Completed",
          "Failed",
          "ProgressUpdated",
          "DeadlineExceeded",
          "ValidationFailed")),
  CONNECTION(
      "Connection",
      Set.of("Connected", "ConnectionFailed", "HealthCheckPassed", "HealthCheckFailed"));

  private final String title;
  private final Set<String> reasons;

  EventCategory(String title, Set<String> reasons) {
    this.title = title;
    this.reasons = reasons;
  }

  /** The heading the events reference uses for this category. */
  public String title() {
    return title;
  }

  public static Optional<EventCategory> of(String reason) {
    for (EventCategory category : values()) {
      if (category.reasons.contains(reason)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
