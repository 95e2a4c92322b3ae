package io.dbprovision.operator.reconcile;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DriftDiff;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import io.dbprovision.api.v1alpha1.DriftStatus;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.model.DriftReport;
import io.dbprovision.operator.model.DriftSettings;
import io.dbprovision.operator.model.Enforcement;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The drift policy of one resource (its own, else its instance's, else the operator's default),
 * what the engine may change on this pass, and {@code status.drift}.
 */
record DriftCheck(DriftSettings settings, Enforcement enforcement) {

  static DriftCheck of(
      HasMetadata resource,
      DriftPolicy own,
      DatabaseInstance instance,
      Long observedGeneration,
      Duration operatorDefault) {
    DriftSettings settings =
        DriftSettings.resolve(own, instance.getSpec().getDriftPolicy(), operatorDefault);
    boolean specChanged =
        !Objects.equals(resource.getMetadata().getGeneration(), observedGeneration);
    return new DriftCheck(
        settings,
        settings.enforcement(
            specChanged, Annotations.isTrue(resource, Annotations.ALLOW_DESTRUCTIVE_DRIFT)));
  }

  /**
   * The generation whose spec is in force on the server, for {@link #of}: the one the last
   * successful pass saw. A pass whose apply failed (transiently, so it is retried) leaves the spec
   * unapplied, and the retry must apply it again rather than report it as drift. A failed drift
   * correction does not concern the spec, so its generation stays applied.
   */
  static Long appliedGeneration(ResourceStatus status) {
    if (status.getConditions() == null) {
      return null;
    }
    return status.getConditions().stream()
        .filter(c -> ReadyCondition.TYPE.equals(c.getType()))
        .filter(
            c ->
                // DriftCorrectionFailed is the same reason for every kind.
                "True".equals(c.getStatus())
                    || CatalogEvent.GRANT_DRIFT_CORRECTION_FAILED.reason().equals(c.getReason()))
        .map(Condition::getObservedGeneration)
        .findFirst()
        .orElse(null);
  }

  /**
   * When to look again at {@code resource}: at its own slot in the drift interval, or never (only
   * on spec changes) when drift is ignored.
   *
   * <p>Every resource is reconciled when the operator starts. Rescheduling each one a whole
   * interval after its last check would repeat that burst once per interval forever; a slot fixed
   * by the resource's identity spreads the checks of many resources evenly over the interval, and
   * still looks at each one at least once per interval.
   */
  Duration next(HasMetadata resource, Instant now) {
    if (settings.mode() == DriftMode.ignore) {
      return Duration.ZERO;
    }
    long interval = Math.max(1, settings.interval().toMillis());
    long slot = Math.floorMod(spread(identity(resource)), interval);
    long sinceSlot = Math.floorMod(now.toEpochMilli() - slot, interval);
    return Duration.ofMillis(interval - sinceSlot);
  }

  /** {@code control}, rescheduled for the resource's next drift check (if drift is checked). */
  <P extends HasMetadata> UpdateControl<P> reschedule(
      UpdateControl<P> control, P resource, Instant now) {
    Duration next = next(resource, now);
    return next.isZero() ? control : control.rescheduleAfter(next);
  }

  /**
   * A well-mixed number for {@code identity}. String.hashCode would put names that differ only in
   * their last character ("set-0001", "set-0002") one millisecond apart, that is, in one burst.
   */
  private static long spread(String identity) {
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }

  private static String identity(HasMetadata resource) {
    String uid = resource.getMetadata().getUid();
    return uid != null
        ? uid
        : resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  /** {@code status.drift} after this pass; null when drift is ignored. */
  DriftStatus status(DriftReport report, Instant now) {
    if (settings.mode() == DriftMode.ignore) {
      return null;
    }
    DriftStatus status = new DriftStatus();
    List<DriftReport.Difference> remaining = report.remaining();
    status.setDetected(!remaining.isEmpty());
    status.setLastChecked(now.toString());
    status.setDiffs(remaining.isEmpty() ? null : remaining.stream().map(DriftCheck::diff).toList());
    return status;
  }

  /** Names of the differing fields, as the DriftDetected message lists them. */
  static String fields(List<DriftReport.Difference> differences) {
    return differences.stream().map(DriftReport.Difference::field).toList().toString();
  }

  private static DriftDiff diff(DriftReport.Difference difference) {
    DriftDiff diff = new DriftDiff();
    diff.setField(difference.field());
    diff.setExpected(difference.expected());
    diff.setActual(difference.actual());
    diff.setDestructive(difference.destructive() ? Boolean.TRUE : null);
    diff.setImmutable(difference.immutable() ? Boolean.TRUE : null);
    return diff;
  }
}
