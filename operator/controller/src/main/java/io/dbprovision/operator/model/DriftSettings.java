package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import java.time.Duration;

/**
 * The drift policy that applies to one resource: its own {@code spec.driftPolicy}, else its
 * instance's, else the operator's default ({@code detect} at {@code
 * DBPROVISION_DEFAULT_DRIFT_INTERVAL}). A policy block is taken whole, as in the Go operator: a
 * resource that sets only {@code mode} gets the schema's default interval, not the instance's.
 */
public record DriftSettings(DriftMode mode, Duration interval) {

  public static DriftSettings resolve(
      DriftPolicy resource, DriftPolicy instance, Duration operatorDefault) {
    DriftPolicy chosen = resource != null ? resource : instance;
    if (chosen == null) {
      return new DriftSettings(DriftMode.detect, operatorDefault);
    }
    DriftMode mode = chosen.getMode() == null ? DriftMode.detect : chosen.getMode();
    Duration interval =
        chosen.getInterval() == null
            ? operatorDefault
            : GoDuration.parse("driftPolicy.interval", chosen.getInterval());
    return new DriftSettings(mode, interval);
  }

  /**
   * What an engine may change on this pass. A spec the operator has not acted on yet ({@code
   * metadata.generation} differs from {@code status.observedGeneration}) is applied in full;
   * otherwise differences are drift and the mode decides.
   */
  public Enforcement enforcement(boolean specChanged, boolean allowDestructive) {
    if (specChanged) {
      return Enforcement.apply();
    }
    return switch (mode) {
      case ignore -> Enforcement.ignore();
      case detect -> Enforcement.detect();
      case correct -> Enforcement.correct(allowDestructive);
    };
  }
}
