package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.DriftDiff;
import io.dbprovision.api.v1alpha1.DriftStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The differences between a server and the desired state that one pass found, and which of them it
 * corrected. Differences applied because the spec changed are updates, not drift, and do not appear
 * here; immutable differences always do.
 */
public record DriftReport(List<Difference> differences, List<Difference> corrected) {

  /**
   * One field that differs. {@code field} is a dotted name such as {@code owner}, {@code
   * extensions.missing} or {@code grants.table.app.orders}; values are rendered for people.
   */
  public record Difference(
      String field, String expected, String actual, boolean destructive, boolean immutable) {
    public Difference {
      Objects.requireNonNull(field, "field");
      expected = Objects.requireNonNullElse(expected, "");
      actual = Objects.requireNonNullElse(actual, "");
    }

    public static Difference of(String field, Object expected, Object actual) {
      return new Difference(field, String.valueOf(expected), String.valueOf(actual), false, false);
    }

    /** The same difference, marked as one whose correction takes something away. */
    public Difference asDestructive() {
      return new Difference(field, expected, actual, true, immutable);
    }

    /** The same difference, marked as one the server cannot change in place. */
    public Difference asImmutable() {
      return new Difference(field, expected, actual, destructive, true);
    }
  }

  public static final DriftReport NONE = new DriftReport(List.of(), List.of());

  public DriftReport {
    differences = List.copyOf(differences);
    corrected = List.copyOf(corrected);
  }

  /** True when the server differed from the desired state in any way that counts as drift. */
  public boolean detected() {
    return !differences.isEmpty();
  }

  /**
   * The {@code status.drift} block: what is still different after this pass. Corrected differences
   * are gone from the server and so from the status (unlike the Go operator, which clears the block
   * after any correction even when some differences were skipped).
   */
  public DriftStatus toStatus(Instant checkedAt) {
    DriftStatus status = new DriftStatus();
    List<DriftDiff> diffs = new ArrayList<>();
    for (Difference difference : remaining()) {
      DriftDiff diff = new DriftDiff();
      diff.setField(difference.field());
      diff.setExpected(difference.expected());
      diff.setActual(difference.actual());
      diff.setDestructive(difference.destructive() ? Boolean.TRUE : null);
      diff.setImmutable(difference.immutable() ? Boolean.TRUE : null);
      diffs.add(diff);
    }
    status.setDetected(!diffs.isEmpty());
    status.setLastChecked(checkedAt.toString());
    status.setDiffs(diffs.isEmpty() ? null : diffs);
    return status;
  }

  /** This report and {@code other} together, for a resource checked in two steps. */
  public DriftReport and(DriftReport other) {
    List<Difference> allDifferences = new ArrayList<>(differences);
    allDifferences.addAll(other.differences);
    List<Difference> allCorrected = new ArrayList<>(corrected);
    allCorrected.addAll(other.corrected);
    return new DriftReport(allDifferences, allCorrected);
  }

  /** Differences still present after this pass. */
  public List<Difference> remaining() {
    List<Difference> remaining = new ArrayList<>(differences);
    remaining.removeAll(corrected);
    return remaining;
  }
}
