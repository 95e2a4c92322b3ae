package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Status is patched only when a pass changed it; Ready keeps its transition time while stable. */
class StatusPatchTest {
  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2026-01-01T01:00:00Z");

  private static Database database() {
    Database db = new Database();
    db.setMetadata(new ObjectMetaBuilder().withName("orders").withGeneration(3L).build());
    db.setStatus(new DatabaseStatus());
    return db;
  }

  @Test
  void aPassThatConfirmsTheSameStateWritesNothing() {
    Database db = database();
    ReadyCondition.set(db.getStatus(), true, "Ready", "ready", 3L, FIRST);
    StatusPatch<Database> patch = StatusPatch.of(db, Database::getStatus);

    ReadyCondition.set(db.getStatus(), true, "Ready", "ready", 3L, LATER);

    assertThat(patch.changed(db)).isFalse();
    assertThat(db.getStatus().getConditions().get(0).getLastTransitionTime())
        .isEqualTo(FIRST.toString());
  }

  @Test
  void aFlipOfReadyIsPatchedWithANewTransitionTimeAndTheObservedGeneration() {
    Database db = database();
    ReadyCondition.set(db.getStatus(), true, "Ready", "ready", 2L, FIRST);
    StatusPatch<Database> patch = StatusPatch.of(db, Database::getStatus);

    ReadyCondition.set(db.getStatus(), false, "InvalidSpec", "Failed to x", 3L, LATER);

    assertThat(patch.changed(db)).isTrue();
    assertThat(db.getStatus().getObservedGeneration()).isEqualTo(3L);
    assertThat(db.getStatus().getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("InvalidSpec");
              assertThat(c.getLastTransitionTime()).isEqualTo(LATER.toString());
            });
    assertThat(ReadyCondition.isReady(db.getStatus())).isFalse();
  }
}
