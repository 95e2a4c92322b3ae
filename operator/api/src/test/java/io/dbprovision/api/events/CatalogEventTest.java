package io.dbprovision.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogEventTest {

  /** One row of the events reference, as kept in our fixture. */
  record SeedRow(String kind, String reason, String type, String description) {}

  static List<SeedRow> seedRows() throws IOException {
    try (InputStream in = CatalogEventTest.class.getResourceAsStream("/seed-event-rows.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", -1))
          .map(f -> new SeedRow(f[0], f[1], f[2], f[3]))
          .toList();
    }
  }

  @Test
  void equalsTheEventsReferenceRowForRow() throws IOException {
    List<SeedRow> catalog =
        Arrays.stream(CatalogEvent.values())
            .map(e -> new SeedRow(e.kind().kind(), e.reason(), e.type().name(), e.description()))
            .toList();

    assertThat(catalog).containsExactlyElementsOf(seedRows());
  }

  @Test
  void coversEightKindsAndSixtyThreeRows() {
    assertThat(CatalogEvent.values()).hasSize(63);
    Map<ResourceKind, Long> perKind =
        Arrays.stream(CatalogEvent.values())
            .collect(Collectors.groupingBy(CatalogEvent::kind, Collectors.counting()));
    assertThat(perKind)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ResourceKind.DATABASE_INSTANCE, 6L,
                ResourceKind.DATABASE, 9L,
                ResourceKind.DATABASE_USER, 12L,
                ResourceKind.DATABASE_ROLE, 9L,
                ResourceKind.DATABASE_GRANT, 9L,
                ResourceKind.DATABASE_BACKUP, 5L,
                ResourceKind.DATABASE_RESTORE, 7L,
                ResourceKind.DATABASE_BACKUP_SCHEDULE, 6L));
  }

  @Test
  void hasOneRowPerKindAndReason() {
    assertThat(
            Arrays.stream(CatalogEvent.values())
                .map(e -> e.kind() + "/" + e.reason())
                .distinct()
                .count())
        .isEqualTo(CatalogEvent.values().length);
  }

  @Test
  void everyWarningIsAFailureAndEveryNormalIsProgress() {
    // A guard against a typo in the type column: the reference's Warnings all name a failure, a
    // block, a drift or a deadline.
    for (CatalogEvent event : CatalogEvent.values()) {
      boolean soundsBad =
          event.reason().matches(".*(Failed|Blocked|DriftDetected|DeadlineExceeded)");
      assertThat(event.type() == EventType.Warning).as(event.name()).isEqualTo(soundsBad);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "DatabaseInstance, Connected, CONNECTION",
    "DatabaseInstance, HealthCheckFailed, CONNECTION",
    "Database, Created, LIFECYCLE",
    "DatabaseUser, DeletionBlocked, LIFECYCLE",
    "DatabaseGrant, DriftCorrectionFailed, DRIFT",
    "DatabaseBackup, ProgressUpdated, BACKUP_RESTORE",
    "DatabaseRestore, ValidationFailed, BACKUP_RESTORE",
    "DatabaseRestore, DeadlineExceeded, BACKUP_RESTORE",
  })
  void takesItsCategoryFromTheReference(String kind, String reason, EventCategory category) {
    assertThat(CatalogEvent.find(kind, reason))
        .get()
        .extracting(e -> e.category().orElseThrow())
        .isEqualTo(category);
  }

  @ParameterizedTest
  @CsvSource({
    "DatabaseInstance, ReconcileFailed",
    "DatabaseUser, PasswordRotated",
    "DatabaseGrant, Applied",
    "DatabaseBackupSchedule, RetentionApplied"
  })
  void leavesReasonsTheReferenceDoesNotCategoriseWithoutCategory(String kind, String reason) {
    assertThat(CatalogEvent.find(kind, reason))
        .get()
        .extracting(CatalogEvent::category)
        .isEqualTo(java.util.Optional.empty());
  }

  @Test
  void findsNothingForAReasonOutsideTheCatalog() {
    assertThat(CatalogEvent.find("Database", "Provisioned")).isEmpty();
    assertThat(CatalogEvent.find("DatabaseBackup", "Created")).isEmpty();
  }

  @Test
  void listsTheRowsOfOneKindInReferenceOrder() {
    assertThat(CatalogEvent.of(ResourceKind.DATABASE_BACKUP))
        .extracting(CatalogEvent::reason)
        .containsExactly("Started", "Completed", "Failed", "ProgressUpdated", "ReconcileFailed");
  }
}
