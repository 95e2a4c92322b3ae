package io.dbprovision.operator.backup.schedule;

import io.dbprovision.api.v1alpha1.BackupObjectInfo;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus.Phase;
import io.dbprovision.api.v1alpha1.RecentBackup;
import io.dbprovision.api.v1alpha1.ScheduleStatistics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The backups a schedule created that still exist (those being deleted are left out), read for the
 * schedule's decisions and status: which still run, which completed (for retention), the statistics
 * and the recent list. Immutable; {@link #plus} and {@link #minus} give the view after a pass
 * created or deleted some.
 */
public final class ScheduledBackups {
  private static final Comparator<DatabaseBackup> NEWEST_FIRST =
      Comparator.comparing(ScheduledBackups::takenAt)
          .reversed()
          .thenComparing(b -> b.getMetadata().getName());

  private final List<DatabaseBackup> newestFirst;

  private ScheduledBackups(List<DatabaseBackup> newestFirst) {
    this.newestFirst = newestFirst;
  }

  public static ScheduledBackups of(Collection<DatabaseBackup> owned) {
    List<DatabaseBackup> live = new ArrayList<>();
    for (DatabaseBackup backup : owned) {
      if (backup.getMetadata().getDeletionTimestamp() == null) {
        live.add(backup);
      }
    }
    live.sort(NEWEST_FIRST);
    return new ScheduledBackups(List.copyOf(live));
  }

  /** This view with a backup the pass just created. */
  public ScheduledBackups plus(DatabaseBackup created) {
    List<DatabaseBackup> all = new ArrayList<>(newestFirst);
    all.add(created);
    return of(all);
  }

  /** This view without backups the pass just deleted. */
  public ScheduledBackups minus(Collection<String> deleted) {
    Set<String> names = Set.copyOf(deleted);
    return of(
        newestFirst.stream().filter(b -> !names.contains(b.getMetadata().getName())).toList());
  }

  /** Names of the backups not finished yet (no phase, Pending or Running), oldest first. */
  public List<String> running() {
    List<String> running = new ArrayList<>();
    for (DatabaseBackup backup : newestFirst) {
      if (!finished(backup)) {
        running.add(0, backup.getMetadata().getName());
      }
    }
    return running;
  }

  /** The completed backups, as retention sees them. */
  public List<RetainedBackup> completed() {
    return newestFirst.stream()
        .filter(b -> phase(b) == Phase.Completed)
        .map(b -> new RetainedBackup(b.getMetadata().getName(), takenAt(b)))
        .toList();
  }

  public Optional<DatabaseBackup> named(String name) {
    return newestFirst.stream().filter(b -> name.equals(b.getMetadata().getName())).findFirst();
  }

  /**
   * Totals over these backups: finished = completed + failed; averages and the stored total over
   * completed backups that report them (averages absent when none does).
   */
  public ScheduleStatistics statistics() {
    List<DatabaseBackup> completed =
        newestFirst.stream().filter(b -> phase(b) == Phase.Completed).toList();
    long failed = newestFirst.stream().filter(b -> phase(b) == Phase.Failed).count();
    ScheduleStatistics statistics = new ScheduleStatistics();
    statistics.setSuccessfulBackups((long) completed.size());
    statistics.setFailedBackups(failed);
    statistics.setTotalBackups(completed.size() + failed);
    statistics.setAverageDurationSeconds(
        average(completed, b -> orMinus(b.getStatus().getDurationSeconds())));
    statistics.setAverageSizeBytes(average(completed, ScheduledBackups::storedBytes));
    statistics.setTotalStorageBytes(
        completed.stream().mapToLong(ScheduledBackups::storedBytes).filter(n -> n >= 0).sum());
    return statistics;
  }

  /**
   * Newest first: every backup not finished yet, the newest {@code successfulLimit} completed and
   * the newest {@code failedLimit} failed ones.
   */
  public List<RecentBackup> recent(int successfulLimit, int failedLimit) {
    List<RecentBackup> recent = new ArrayList<>();
    int completed = 0;
    int failed = 0;
    for (DatabaseBackup backup : newestFirst) {
      Phase phase = phase(backup);
      boolean listed =
          phase == Phase.Completed
              ? completed++ < successfulLimit
              : phase == Phase.Failed ? failed++ < failedLimit : true;
      if (listed) {
        RecentBackup entry = new RecentBackup();
        entry.setName(backup.getMetadata().getName());
        entry.setStatus(phase == null ? Phase.Pending.name() : phase.name());
        recent.add(entry);
      }
    }
    return recent;
  }

  /** When the backup was taken: when its dump started, else when it was created. */
  public static Instant takenAt(DatabaseBackup backup) {
    String started = backup.getStatus() == null ? null : backup.getStatus().getStartedAt();
    return parse(started)
        .or(() -> parse(backup.getMetadata().getCreationTimestamp()))
        .orElse(Instant.EPOCH);
  }

  /** The phase of a backup; {@code null} before its reconciler has written one. */
  public static Phase phase(DatabaseBackup backup) {
    return backup.getStatus() == null ? null : backup.getStatus().getPhase();
  }

  private static boolean finished(DatabaseBackup backup) {
    Phase phase = phase(backup);
    return phase == Phase.Completed || phase == Phase.Failed;
  }

  private static long storedBytes(DatabaseBackup backup) {
    BackupObjectInfo stored = backup.getStatus().getBackup();
    return stored == null ? -1 : orMinus(stored.getCompressedSizeBytes());
  }

  private static long orMinus(Long value) {
    return value == null ? -1 : value;
  }

  /** The rounded average of the non-negative values, or null when there is none. */
  private static Long average(List<DatabaseBackup> backups, ToLongFunction<DatabaseBackup> value) {
    OptionalDouble average = backups.stream().mapToLong(value).filter(n -> n >= 0).average();
    return average.isPresent() ? Math.round(average.getAsDouble()) : null;
  }

  private static Optional<Instant> parse(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
