package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.DatabaseRestore;
import io.dbprovision.api.v1alpha1.DatabaseRestoreStatus.Phase;
import io.dbprovision.api.v1alpha1.PostgresBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresDumpFormat;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One scenario per DatabaseRestore catalog row, against the real PostgreSQL. The backup "base" of
 * the Database "orders" and its restore "copy" into a new database, made once for the class, serve
 * the rows of a successful run.
 */
@ExtendWith(MockKubernetesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestoreEventsIT {
  private static final String KIND = "DatabaseRestore";

  private final DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
  private Scratch scratch;
  private BackupFixture fixture;
  private String source;
  private String copy;
  private List<List<String>> sourceRows;

  @BeforeAll
  void start(MockKubernetes kubernetes) throws Exception {
    scratch = Scratch.on(server);
    fixture = new BackupFixture(kubernetes, "restore-events");
    fixture.operator.readyInstance("pg", server);
    source = fixture.filledDatabase(scratch, "orders", "pg");
    sourceRows = BackupFixture.rows(scratch, source);
    fixture.operator.create(fixture.backup("base", "orders", "s3", false));
    fixture.awaitBackup("base", DatabaseBackupStatus.Phase.Completed);
    copy = scratch.databaseName("copy");
    fixture.operator.create(BackupFixture.restoreInto("copy", "base", "pg", copy));
    fixture.awaitRestore("copy", Phase.Completed);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
    scratch.close();
  }

  @Test
  void started() {
    assertRow(
        fixture.operator.awaitEvent(KIND, "copy", "Started"),
        CatalogEvent.RESTORE_STARTED,
        "Restore of backup base into database " + copy + " on instance pg started");
  }

  @Test
  void progressUpdated() {
    assertRow(
        fixture.operator.awaitEvent(KIND, "copy", "ProgressUpdated"),
        CatalogEvent.RESTORE_PROGRESS_UPDATED,
        copy,
        "read (100%)");
  }

  @Test
  void completed() throws Exception {
    assertRow(
        fixture.operator.awaitEvent(KIND, "copy", "Completed"),
        CatalogEvent.RESTORE_COMPLETED,
        "Restore of backup base into database " + copy,
        "completed",
        " read in ");
    DatabaseRestore done = fixture.operator.get(DatabaseRestore.class, "copy");
    assertThat(done.getStatus().getRestore().getSourceBackup()).isEqualTo("base");
    assertThat(done.getStatus().getRestore().getTargetInstance()).isEqualTo("pg");
    assertThat(done.getStatus().getProgress().getCurrentPhase()).isEqualTo("Completed");
    assertThat(done.getStatus().getCompletedAt()).isNotNull();
    assertThat(OperatorOnMock.isReady(done.getStatus())).isTrue();
    assertThat(BackupFixture.rows(scratch, copy)).isEqualTo(sourceRows);
    assertAllInCatalog(fixture.operator.events());
  }

  @Test
  void validationFailedForAnUnconfirmedInPlaceRestore() throws Exception {
    fixture.operator.create(BackupFixture.restoreInPlace("unconfirmed", "base", "orders", false));
    fixture.awaitRestore("unconfirmed", Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent(KIND, "unconfirmed", "ValidationFailed"),
        CatalogEvent.RESTORE_VALIDATION_FAILED,
        "Restore validation failed",
        "I-UNDERSTAND-DATA-LOSS",
        "not touched");
    assertThat(BackupFixture.rows(scratch, source)).isEqualTo(sourceRows);
  }

  @Test
  void validationFailedWhenTheTargetDatabaseExists() {
    fixture.operator.create(BackupFixture.restoreInto("over-copy", "base", "pg", source));
    fixture.awaitRestore("over-copy", Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent(KIND, "over-copy", "ValidationFailed"),
        CatalogEvent.RESTORE_VALIDATION_FAILED,
        "database " + source + " already exists on instance pg");
  }

  @Test
  void deadlineExceededWhileTheTargetIsLocked() throws Exception {
    try (Connection holder = scratch.connect(source);
        Statement lock = holder.createStatement()) {
      holder.setAutoCommit(false);
      lock.execute("LOCK TABLE items IN ACCESS SHARE MODE");
      DatabaseRestore slow = BackupFixture.restoreInPlace("blocked", "base", "orders", true);
      slow.getSpec().setActiveDeadlineSeconds(2L);
      fixture.operator.create(slow);
      fixture.awaitRestore("blocked", Phase.Failed);

      assertRow(
          fixture.operator.awaitEvent(KIND, "blocked", "DeadlineExceeded"),
          CatalogEvent.RESTORE_DEADLINE_EXCEEDED,
          "Restore into database " + source + " stopped",
          "activeDeadlineSeconds (2s)");
    }
    assertThat(BackupFixture.rows(scratch, source)).isEqualTo(sourceRows);
  }

  @Test
  void failedWhenTheRestoreClientFails() throws Exception {
    // A plain dump has no DROP statements, so restoring it over its own tables fails in psql,
    // and the single transaction leaves the target as it was.
    DatabaseBackup plain = fixture.backup("plain", "orders", "pvc", false);
    PostgresBackupOptions options = new PostgresBackupOptions();
    options.setFormat(PostgresDumpFormat.plain);
    plain.getSpec().setPostgres(options);
    fixture.operator.create(plain);
    fixture.awaitBackup("plain", DatabaseBackupStatus.Phase.Completed);

    fixture.operator.create(BackupFixture.restoreInPlace("clash", "plain", "orders", true));
    fixture.awaitRestore("clash", Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent(KIND, "clash", "Failed"),
        CatalogEvent.RESTORE_FAILED,
        "Restore into database " + source + " failed",
        "psql exited with status",
        "already exists");
    assertThat(BackupFixture.rows(scratch, source)).isEqualTo(sourceRows);
  }

  @Test
  void aFailedRestoreIntoANewDatabaseDropsTheDatabaseItCreated() throws Exception {
    // The dump grants to a role that is gone by the time of the restore, so pg_restore fails
    // after the new database was created.
    String role = scratch.principalName("reader");
    String granted = fixture.filledDatabase(scratch, "granted", "pg");
    try (Connection connection = scratch.connect(granted);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + scratch.quote(role));
      statement.execute("GRANT SELECT ON items TO " + scratch.quote(role));
    }
    fixture.operator.create(fixture.backup("with-grant", "granted", "pvc", false));
    fixture.awaitBackup("with-grant", DatabaseBackupStatus.Phase.Completed);
    try (Connection connection = scratch.connect(granted);
        Statement statement = connection.createStatement()) {
      statement.execute("REVOKE SELECT ON items FROM " + scratch.quote(role));
      statement.execute("DROP ROLE " + scratch.quote(role));
    }

    String target = scratch.databaseName("half");
    fixture.operator.create(BackupFixture.restoreInto("half", "with-grant", "pg", target));
    fixture.awaitRestore("half", Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent(KIND, "half", "Failed"),
        CatalogEvent.RESTORE_FAILED,
        "Restore into database " + target + " failed",
        "pg_restore exited with status",
        "does not exist");
    assertThat(fixture.operator.find(e -> OperatorOnMock.matches(e, KIND, "half", "Started")))
        .isPresent();
    assertThat(DatabaseReconcilerIT.exists(server, target)).isFalse();
  }

  @Test
  void reconcileFailedWhenTheBackupKeySecretIsGone() {
    fixture.secret("vanishing-key", Map.of("key", BackupFixture.KEY));
    DatabaseBackup sealed = fixture.backup("sealed", "orders", "pvc", false);
    sealed.getSpec().setEncryption(BackupFixture.encryption("vanishing-key"));
    fixture.operator.create(sealed);
    fixture.awaitBackup("sealed", DatabaseBackupStatus.Phase.Completed);
    fixture
        .operator
        .client
        .secrets()
        .inNamespace(fixture.namespace())
        .withName("vanishing-key")
        .delete();

    fixture.operator.create(
        BackupFixture.restoreInto("keyless", "sealed", "pg", scratch.databaseName("keyless")));

    assertRow(
        fixture.operator.awaitEvent(KIND, "keyless", "ReconcileFailed"),
        CatalogEvent.RESTORE_RECONCILE_FAILED,
        "Failed to prepare the restore",
        "Secret " + fixture.namespace() + "/vanishing-key does not exist");
    assertThat(fixture.operator.get(DatabaseRestore.class, "keyless").getStatus().getPhase())
        .isEqualTo(Phase.Pending);
  }

  @Test
  void restoreMetricsAfterASuccessfulRestore() {
    Scrape scrape = Scrape.of(Http.get(fixture.operator.process.metricsPort(), "/metrics").body());
    assertThat(
            scrape.value(
                "dbprovision_restore_duration_seconds",
                "namespace",
                fixture.namespace(),
                "database",
                copy))
        .hasValueSatisfying(seconds -> assertThat(seconds).isGreaterThan(0.0));
    assertThat(
            scrape.get(
                "dbprovision_operations_total",
                "kind",
                "DatabaseRestore",
                "operation",
                "restore",
                "engine",
                "postgres",
                "result",
                "success"))
        .isGreaterThanOrEqualTo(1.0);
  }
}
