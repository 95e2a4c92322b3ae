package io.dbprovision.operator.reconcile;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.events.EventRecorder;
import io.dbprovision.operator.model.DriftReport;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The drift Events of one pass, from the engine's {@link Outcome}: {@code DriftCorrected} when a
 * correction ran, {@code DriftDetected} for what is still different. Nothing when nothing differs.
 */
final class Outcomes {
  /** The drift rows of one kind. */
  record DriftRows(CatalogEvent detected, CatalogEvent corrected) {}

  private Outcomes() {}

  static void recordDrift(
      EventRecorder events, HasMetadata resource, DriftReport drift, DriftRows rows) {
    if (!drift.corrected().isEmpty()) {
      events.record(
          resource,
          rows.corrected(),
          "Drift corrected for fields: " + DriftCheck.fields(drift.corrected()));
    }
    if (!drift.remaining().isEmpty()) {
      events.record(
          resource,
          rows.detected(),
          "Configuration drift detected in fields: "
              + DriftCheck.fields(drift.remaining())
              + describe(drift));
    }
  }

  private static String describe(DriftReport drift) {
    StringBuilder text = new StringBuilder();
    for (DriftReport.Difference d : drift.remaining()) {
      text.append("; ")
          .append(d.field())
          .append(" is ")
          .append(d.actual())
          .append(", expected ")
          .append(d.expected());
    }
    return text.toString();
  }
}
