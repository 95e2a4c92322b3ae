package io.dbprovision.operator.backup.schedule;

import io.dbprovision.api.v1alpha1.BackupRetentionSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which completed backups a retention policy keeps (see the package documentation for the rules).
 *
 * @param keepLast the N newest; 0 for none
 * @param keepHourly newest of each of the last N hours with a backup
 * @param keepDaily newest of each of the last N days with a backup
 * @param keepWeekly newest of each of the last N ISO weeks with a backup
 * @param keepMonthly newest of each of the last N months with a backup
 * @param keepYearly newest of each of the last N years with a backup
 */
public record Retention(
    int keepLast, int keepHourly, int keepDaily, int keepWeekly, int keepMonthly, int keepYearly) {

  /**
   * What a policy decided.
   *
   * @param keep kept backups, newest first, each with the rules that kept it
   * @param delete backups to delete, newest first
   */
  public record Plan(Map<RetainedBackup, List<String>> keep, List<RetainedBackup> delete) {}

  public Retention {
    for (int n : new int[] {keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly}) {
      if (n < 0) {
        throw new IllegalArgumentException("spec.retention keeps must not be negative");
      }
    }
  }

  /** The policy of a spec; absent fields count as 0. A null spec keeps everything. */
  public static Retention of(BackupRetentionSpec spec) {
    if (spec == null) {
      return new Retention(0, 0, 0, 0, 0, 0);
    }
    return new Retention(
        orZero(spec.getKeepLast()),
        orZero(spec.getKeepHourly()),
        orZero(spec.getKeepDaily()),
        orZero(spec.getKeepWeekly()),
        orZero(spec.getKeepMonthly()),
        orZero(spec.getKeepYearly()));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /** Whether any rule is set; a policy without rules deletes nothing. */
  public boolean hasRules() {
    return keepLast + keepHourly + keepDaily + keepWeekly + keepMonthly + keepYearly > 0;
  }

  /** Applies the policy to completed backups, with periods taken in {@code zone}. */
  public Plan apply(List<RetainedBackup> completed, ZoneId zone) {
    List<RetainedBackup> newestFirst = new ArrayList<>(completed);
    newestFirst.sort(
        Comparator.comparing(RetainedBackup::takenAt)
            .reversed()
            .thenComparing(RetainedBackup::name));
    Map<RetainedBackup, List<String>> keep = new LinkedHashMap<>();
    if (!hasRules()) {
      newestFirst.forEach(b -> keep.put(b, List.of("no retention rules")));
      return new Plan(keep, List.of());
    }
    for (int i = 0; i < Math.min(keepLast, newestFirst.size()); i++) {
      keep.computeIfAbsent(newestFirst.get(i), b -> new ArrayList<>()).add("last");
    }
    keepNewestPerPeriod(
        newestFirst, keepHourly, "hourly", zone, t -> t.truncatedTo(ChronoUnit.HOURS), keep);
    keepNewestPerPeriod(
        newestFirst, keepDaily, "daily", zone, t -> t.truncatedTo(ChronoUnit.DAYS), keep);
    keepNewestPerPeriod(
        newestFirst,
        keepWeekly,
        "weekly",
        zone,
        t -> t.get(IsoFields.WEEK_BASED_YEAR) * 100 + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        keep);
    keepNewestPerPeriod(
        newestFirst,
        keepMonthly,
        "monthly",
        zone,
        t -> t.getYear() * 100 + t.getMonthValue(),
        keep);
    keepNewestPerPeriod(newestFirst, keepYearly, "yearly", zone, ZonedDateTime::getYear, keep);

    Map<RetainedBackup, List<String>> orderedKeep = new LinkedHashMap<>();
    List<RetainedBackup> delete = new ArrayList<>();
    for (RetainedBackup backup : newestFirst) {
      if (keep.containsKey(backup)) {
        orderedKeep.put(backup, List.copyOf(keep.get(backup)));
      } else {
        delete.add(backup);
      }
    }
    return new Plan(orderedKeep, delete);
  }

  private static void keepNewestPerPeriod(
      List<RetainedBackup> newestFirst,
      int periods,
      String rule,
      ZoneId zone,
      Function<ZonedDateTime, Object> periodOf,
      Map<RetainedBackup, List<String>> keep) {
    Set<Object> seen = new LinkedHashSet<>();
    for (RetainedBackup backup : newestFirst) {
      if (seen.size() == periods) {
        return;
      }
      Instant takenAt = backup.takenAt();
      if (seen.add(periodOf.apply(ZonedDateTime.ofInstant(takenAt, zone)))) {
        keep.computeIfAbsent(backup, b -> new ArrayList<>()).add(rule);
      }
    }
  }
}
