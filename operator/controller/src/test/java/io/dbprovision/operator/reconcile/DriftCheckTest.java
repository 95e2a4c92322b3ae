package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseGrantStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DriftCheckTest {
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static DatabaseGrantStatus status(boolean ready, String reason, long generation) {
    DatabaseGrantStatus status = new DatabaseGrantStatus();
    ReadyCondition.set(status, ready, reason, "message", generation, NOW);
    return status;
  }

  @Test
  void aNewResourceHasNoAppliedGeneration() {
    assertThat(DriftCheck.appliedGeneration(new DatabaseGrantStatus())).isNull();
  }

  @Test
  void aReadyPassAppliedItsGeneration() {
    assertThat(DriftCheck.appliedGeneration(status(true, "Ready", 3))).isEqualTo(3L);
  }

  @Test
  void aFailedApplyLeavesTheSpecToBeAppliedAgain() {
    assertThat(
            DriftCheck.appliedGeneration(
                status(false, CatalogEvent.GRANT_APPLY_FAILED.reason(), 3)))
        .isNull();
    assertThat(DriftCheck.appliedGeneration(status(false, "GranteeNotReady", 3))).isNull();
  }

  @Test
  void aFailedDriftCorrectionKeepsTheAppliedGeneration() {
    assertThat(
            DriftCheck.appliedGeneration(
                status(false, CatalogEvent.ROLE_DRIFT_CORRECTION_FAILED.reason(), 2)))
        .isEqualTo(2L);
  }
}
