package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrantStatus;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.operator.model.DriftSettings;
import io.dbprovision.operator.model.Enforcement;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriftCheckTest {
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final Instant RESTART = Instant.parse("2026-11-25T09:00:00Z");

  private final DriftCheck detect =
      new DriftCheck(new DriftSettings(DriftMode.detect, INTERVAL), Enforcement.detect());

  @Test
  void ignoredDriftIsNeverRescheduled() {
    DriftCheck ignore =
        new DriftCheck(new DriftSettings(DriftMode.ignore, INTERVAL), Enforcement.ignore());
    assertThat(ignore.next(database(UUID.randomUUID()), RESTART)).isZero();
  }

  @Test
  void aResourceIsLookedAtAgainWithinOneIntervalAndThenExactlyOncePerInterval() {
    Database database = database(UUID.fromString("6f1c1c6e-6a1f-4a53-9d0c-3c1b0f1a2b3c"));
    Duration first = detect.next(database, RESTART);
    assertThat(first).isPositive().isLessThanOrEqualTo(INTERVAL);

    Instant slot = RESTART.plus(first);
    assertThat(detect.next(database, slot)).isEqualTo(INTERVAL);
    // A reconcile between slots (a spec change, say) keeps the slot where it was.
    assertThat(detect.next(database, slot.plusSeconds(90))).isEqualTo(INTERVAL.minusSeconds(90));
  }

  @Test
  void aThousandResourcesCheckedTogetherAtARestartSpreadOverTheInterval() {
    Random random = new Random(42);
    int[] perMinute = new int[10];
    for (int i = 0; i < 1000; i++) {
      Database database = database(new UUID(random.nextLong(), random.nextLong()));
      Duration wait = detect.next(database, RESTART);
      perMinute[(int) ((wait.toMillis() - 1) / Duration.ofMinutes(1).toMillis())]++;
    }
    // Rescheduling each one whole interval later would put all 1,000 in the last minute.
    assertThat(Arrays.stream(perMinute).boxed().toList())
        .allSatisfy(count -> assertThat(count).isBetween(60, 140));
  }

  @Test
  void resourcesNamedInSequenceSpreadToo() {
    // Without a uid (as on some API stand-ins) the slot comes from namespace/name.
    int[] perMinute = new int[10];
    for (int i = 0; i < 1000; i++) {
      Database database = new Database();
      database.setMetadata(
          new ObjectMetaBuilder()
              .withNamespace("apps")
              .withName(String.format("set-%04d", i))
              .build());
      Duration wait = detect.next(database, RESTART);
      perMinute[(int) ((wait.toMillis() - 1) / Duration.ofMinutes(1).toMillis())]++;
    }
    assertThat(Arrays.stream(perMinute).boxed().toList())
        .allSatisfy(count -> assertThat(count).isBetween(60, 140));
  }

  private static Database database(UUID uid) {
    Database database = new Database();
    database.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("apps")
            .withName("orders")
            .withUid(uid.toString())
            .build());
    return database;
  }

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
