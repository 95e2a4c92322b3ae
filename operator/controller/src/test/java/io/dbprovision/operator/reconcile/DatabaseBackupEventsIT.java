package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.BackupObjectInfo;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus.Phase;
import io.dbprovision.api.v1alpha1.PostgresBackupOptions;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One scenario per DatabaseBackup catalog row, against the real PostgreSQL, plus the lifecycle
 * rules: a finished backup never runs again, a backup cut off by a restart is marked Failed,
 * deleting a backup deletes its object, and the backup metrics. The "nightly" backup taken once for
 * the class serves the rows of a successful run.
 */
@ExtendWith(MockKubernetesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackupEventsIT {
  private static final String KIND = "DatabaseBackup";

  private final DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
  private Scratch scratch;
  private BackupFixture fixture;
  private String database;
  private DatabaseBackup nightly;

  @BeforeAll
  void start(MockKubernetes kubernetes) throws Exception {
    scratch = Scratch.on(server);
    fixture = new BackupFixture(kubernetes, "backup-events");
    fixture.operator.readyInstance("pg", server);
    database = fixture.filledDatabase(scratch, "orders", "pg");
    fixture.operator.create(fixture.backup("nightly", "orders", "pvc", true));
    nightly = fixture.awaitBackup("nightly", Phase.Completed);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
    scratch.close();
  }

  @Test
  void started() {
    assertRow(
        fixture.operator.awaitEvent(KIND, "nightly", "Started"),
        CatalogEvent.BACKUP_STARTED,
        "Backup of database " + database,
        "instance pg",
        nightly.getStatus().getBackup().getPath());
  }

  @Test
  void progressUpdated() {
    assertRow(
        fixture.operator.awaitEvent(KIND, "nightly", "ProgressUpdated"),
        CatalogEvent.BACKUP_PROGRESS_UPDATED,
        database,
        "written (100%)");
    assertThat(nightly.getStatus().getProgress().getPercentage()).isEqualTo(100);
    assertThat(nightly.getStatus().getProgress().getBytes())
        .isEqualTo(nightly.getStatus().getBackup().getSizeBytes());
  }

  @Test
  void completed() throws Exception {
    BackupObjectInfo stored = nightly.getStatus().getBackup();
    assertRow(
        fixture.operator.awaitEvent(KIND, "nightly", "Completed"),
        CatalogEvent.BACKUP_COMPLETED,
        "dumped",
        "stored as " + stored.getPath(),
        "checksum " + stored.getChecksum(),
        " in ");
    assertThat(stored.getPath())
        .startsWith(fixture.namespace() + "/orders/")
        .endsWith(".dump.gz.enc");
    assertThat(stored.getFormat()).isEqualTo("custom");
    assertThat(stored.getSizeBytes()).isPositive();
    assertThat(stored.getCompressedSizeBytes()).isEqualTo(Files.size(fixture.file(nightly)));
    assertThat(stored.getChecksum()).matches("sha256:[0-9a-f]{64}");
    assertThat(Instant.parse(nightly.getStatus().getCompletedAt()))
        .isAfterOrEqualTo(Instant.parse(nightly.getStatus().getStartedAt()));
    assertThat(nightly.getStatus().getDurationSeconds()).isNotNull();
    assertThat(nightly.getStatus().getSource().getEngine()).isEqualTo("postgres");
    assertThat(nightly.getStatus().getSource().getDatabase()).isEqualTo(database);
    assertThat(OperatorOnMock.isReady(nightly.getStatus())).isTrue();
    assertAllInCatalog(fixture.operator.events());
  }

  @Test
  void failedWhenTheDumpClientFails() {
    DatabaseBackup backup = fixture.backup("missing-table", "orders", "pvc", false);
    PostgresBackupOptions options = new PostgresBackupOptions();
    options.setTables(List.of("no_such_table"));
    backup.getSpec().setPostgres(options);
    fixture.operator.create(backup);
    DatabaseBackup failed = fixture.awaitBackup("missing-table", Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent(KIND, "missing-table", "Failed"),
        CatalogEvent.BACKUP_FAILED,
        "Backup failed: pg_dump exited with status 1",
        "no matching tables");
    assertThat(failed.getStatus().getBackup()).isNull();
    assertThat(failed.getStatus().getCompletedAt()).isNotNull();
  }

  @Test
  void failedAtOnceForASpecNoRunCanCarryOut() {
    DatabaseBackup backup = fixture.backup("escape", "orders", "pvc", false);
    backup.getSpec().getStorage().getPvc().setSubPath("../../etc");
    fixture.operator.create(backup);
    fixture.awaitBackup("escape", Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent(KIND, "escape", "Failed"),
        CatalogEvent.BACKUP_FAILED,
        "Backup cannot run: spec.storage.pvc.subPath \"../../etc\" must be a relative path");
    assertThat(fixture.operator.find(e -> OperatorOnMock.matches(e, KIND, "escape", "Started")))
        .isEmpty();
  }

  @Test
  void reconcileFailedWhileTheKeySecretIsMissingThenCompletes() {
    DatabaseBackup backup = fixture.backup("late-key", "orders", "pvc", false);
    backup.getSpec().setEncryption(BackupFixture.encryption("late-key"));
    fixture.operator.create(backup);

    assertRow(
        fixture.operator.awaitEvent(KIND, "late-key", "ReconcileFailed"),
        CatalogEvent.BACKUP_RECONCILE_FAILED,
        "Secret " + fixture.namespace() + "/late-key does not exist");
    assertThat(fixture.operator.get(DatabaseBackup.class, "late-key").getStatus().getPhase())
        .isEqualTo(Phase.Pending);

    fixture.secret("late-key", Map.of("key", BackupFixture.KEY));
    fixture.awaitBackup("late-key", Phase.Completed);
  }

  @Test
  void aCompletedBackupNeverRunsAgain() {
    fixture.operator.create(fixture.backup("once", "orders", "pvc", false));
    DatabaseBackup done = fixture.awaitBackup("once", Phase.Completed);

    fixture
        .operator
        .client
        .resources(DatabaseBackup.class)
        .inNamespace(fixture.namespace())
        .withName("once")
        .edit(
            b -> {
              b.getSpec().setActiveDeadlineSeconds(600L);
              return b;
            });

    await()
        .during(java.time.Duration.ofSeconds(3))
        .atMost(java.time.Duration.ofSeconds(5))
        .until(
            () ->
                fixture.operator.events().stream()
                        .filter(e -> OperatorOnMock.matches(e, KIND, "once", "Started"))
                        .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
                        .sum()
                    == 1);
    assertThat(
            fixture.operator.events().stream()
                .filter(e -> OperatorOnMock.matches(e, KIND, "once", "Completed"))
                .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
                .sum())
        .isEqualTo(1);
    DatabaseBackup after = fixture.operator.get(DatabaseBackup.class, "once");
    assertThat(after.getStatus().getStartedAt()).isEqualTo(done.getStatus().getStartedAt());
    assertThat(after.getStatus().getBackup().getPath())
        .isEqualTo(done.getStatus().getBackup().getPath());
  }

  @Test
  void aBackupLeftRunningByAnEarlierProcessIsMarkedFailed() {
    // Waits for a Database that does not exist, so this process never starts a dump for it.
    fixture.operator.create(fixture.backup("orphan", "no-such-database", "pvc", false));
    fixture.awaitBackup("orphan", Phase.Pending);
    var resource =
        fixture
            .operator
            .client
            .resources(DatabaseBackup.class)
            .inNamespace(fixture.namespace())
            .withName("orphan");
    resource.editStatus(
        b -> {
          b.getStatus().setPhase(Phase.Running);
          b.getStatus().setStartedAt(Instant.now().toString());
          return b;
        });
    resource.edit(
        b -> {
          b.getSpec().setActiveDeadlineSeconds(900L);
          return b;
        });

    fixture.awaitBackup("orphan", Phase.Failed);
    assertRow(
        fixture.operator.awaitEvent(KIND, "orphan", "Failed"),
        CatalogEvent.BACKUP_FAILED,
        "operator restarted while this backup was running");
  }

  @Test
  void deletingABackupDeletesItsObjectAndItsSeries() throws Exception {
    fixture.operator.create(fixture.backup("short-lived", "orders", "pvc", false));
    DatabaseBackup done = fixture.awaitBackup("short-lived", Phase.Completed);
    assertThat(fixture.file(done)).exists();

    fixture.operator.client.resource(done).delete();
    fixture.operator.awaitGone(DatabaseBackup.class, "short-lived");

    assertThat(fixture.file(done)).doesNotExist();
    Scrape scrape = scrape();
    assertThat(
            scrape.value(
                "dbprovision_backup_size_bytes",
                "namespace",
                fixture.namespace(),
                "backup",
                "short-lived"))
        .isEmpty();
  }

  @Test
  void backupMetricsAfterASuccessfulBackup() {
    Scrape scrape = scrape();
    String ns = fixture.namespace();
    assertThat(scrape.get("dbprovision_backup_size_bytes", "namespace", ns, "backup", "nightly"))
        .isEqualTo(nightly.getStatus().getBackup().getCompressedSizeBytes().doubleValue());
    assertThat(
            scrape.get(
                "dbprovision_backup_last_success_timestamp_seconds",
                "namespace",
                ns,
                "database",
                "orders"))
        .isGreaterThanOrEqualTo(Instant.parse(nightly.getStatus().getStartedAt()).getEpochSecond());
    assertThat(
            scrape.get(
                "dbprovision_backup_duration_seconds", "namespace", ns, "database", "orders"))
        .isGreaterThan(0.0);
    assertThat(
            scrape.get(
                "dbprovision_operations_total",
                "kind",
                "DatabaseBackup",
                "operation",
                "backup",
                "engine",
                "postgres",
                "result",
                "success"))
        .isGreaterThanOrEqualTo(1.0);
  }

  private Scrape scrape() {
    return Scrape.of(Http.get(fixture.operator.process.metricsPort(), "/metrics").body());
  }
}
