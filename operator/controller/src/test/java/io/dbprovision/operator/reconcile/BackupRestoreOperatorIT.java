package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.DatabaseRestore;
import io.dbprovision.api.v1alpha1.DatabaseRestoreStatus;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DatabaseBackup and DatabaseRestore resources through the operator against the real PostgreSQL and
 * MariaDB: round trips for every storage backend with and without encryption, compared row for row;
 * a tampered object; deadlines. One operator and one filled source database per engine serve the
 * whole class.
 */
@ExtendWith(MockKubernetesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreOperatorIT {
  private BackupFixture fixture;
  private final Map<TestServer, Scratch> scratches = new EnumMap<>(TestServer.class);
  private final Map<TestServer, String> sources = new EnumMap<>(TestServer.class);

  @BeforeAll
  void start(MockKubernetes kubernetes) throws Exception {
    fixture = new BackupFixture(kubernetes, "roundtrip");
    for (TestServer kind : TestServer.values()) {
      DatabaseServer server = RealDatabases.server(kind);
      Scratch scratch = Scratch.on(server);
      scratches.put(kind, scratch);
      fixture.operator.readyInstance(instance(kind), server);
      sources.put(kind, fixture.filledDatabase(scratch, source(kind), instance(kind)));
    }
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
    for (Scratch scratch : scratches.values()) {
      scratch.close();
    }
  }

  static Stream<Arguments> backends() {
    List<Arguments> cases = new ArrayList<>();
    for (TestServer server : TestServer.values()) {
      for (String storage : List.of("pvc", "s3")) {
        for (boolean encrypted : List.of(false, true)) {
          cases.add(Arguments.of(server, storage, encrypted));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} via {1}, encrypted {2}")
  @MethodSource("backends")
  void backsUpAndRestoresIntoANewDatabaseRowForRow(
      TestServer kind, String storage, boolean encrypted) throws Exception {
    String name = name(kind, storage + (encrypted ? "-enc" : ""));
    Scratch scratch = scratches.get(kind);
    fixture.operator.create(fixture.backup(name, source(kind), storage, encrypted));
    DatabaseBackup backup = fixture.awaitBackup(name, DatabaseBackupStatus.Phase.Completed);
    assertThat(backup.getStatus().getBackup().getPath())
        .startsWith(storage.equals("s3") ? "it/" : fixture.namespace() + "/")
        .endsWith(encrypted ? ".enc" : ".gz");
    assertThat(backup.getStatus().getSource().getDatabase()).isEqualTo(sources.get(kind));

    String target = scratch.databaseName("restored");
    fixture.operator.create(BackupFixture.restoreInto(name, name, instance(kind), target));
    DatabaseRestore restore = fixture.awaitRestore(name, DatabaseRestoreStatus.Phase.Completed);

    assertThat(restore.getStatus().getRestore().getTargetDatabase()).isEqualTo(target);
    assertThat(restore.getStatus().getProgress().getPercentage()).isEqualTo(100);
    assertThat(BackupFixture.rows(scratch, target))
        .hasSize(BackupFixture.ROWS)
        .isEqualTo(BackupFixture.rows(scratch, sources.get(kind)));
    assertAllInCatalog(fixture.operator.events());
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void aTamperedBackupFailsValidationAndTheTargetIsNeverCreated(TestServer kind) throws Exception {
    String name = name(kind, "tampered");
    fixture.operator.create(fixture.backup(name, source(kind), "pvc", false));
    DatabaseBackup backup = fixture.awaitBackup(name, DatabaseBackupStatus.Phase.Completed);
    Path file = fixture.file(backup);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(file, bytes);

    String target = scratches.get(kind).databaseName("untouched");
    fixture.operator.create(BackupFixture.restoreInto(name, name, instance(kind), target));
    fixture.awaitRestore(name, DatabaseRestoreStatus.Phase.Failed);

    assertRow(
        fixture.operator.awaitEvent("DatabaseRestore", name, "ValidationFailed"),
        CatalogEvent.RESTORE_VALIDATION_FAILED,
        "checksum",
        backup.getStatus().getBackup().getChecksum(),
        "not touched");
    assertThat(DatabaseReconcilerIT.exists(scratches.get(kind).server(), target)).isFalse();
    assertThat(
            fixture.operator.find(
                e -> OperatorOnMock.matches(e, "DatabaseRestore", name, "Started")))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void aBackupPastItsDeadlineFailsAndStoresNothing(TestServer kind) throws Exception {
    String name = name(kind, "slow-backup");
    Scratch scratch = scratches.get(kind);
    try (Connection holder = scratch.connect(sources.get(kind));
        Statement lock = holder.createStatement()) {
      holdLock(kind, holder, lock);
      DatabaseBackup slow = fixture.backup(name, source(kind), "pvc", false);
      slow.getSpec().setActiveDeadlineSeconds(1L);
      fixture.operator.create(slow);
      DatabaseBackup failed = fixture.awaitBackup(name, DatabaseBackupStatus.Phase.Failed);

      assertRow(
          fixture.operator.awaitEvent("DatabaseBackup", name, "Failed"),
          CatalogEvent.BACKUP_FAILED,
          "activeDeadlineSeconds (1s)",
          "nothing was stored");
      assertThat(failed.getStatus().getBackup()).isNull();
      assertThat(fixture.claimFiles()).noneMatch(p -> p.getFileName().toString().contains(name));
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void aRestorePastItsDeadlineIsStoppedAndLeavesTheTargetAsItWas(TestServer kind) throws Exception {
    String name = name(kind, "slow-restore");
    Scratch scratch = scratches.get(kind);
    fixture.operator.create(fixture.backup(name, source(kind), "pvc", false));
    fixture.awaitBackup(name, DatabaseBackupStatus.Phase.Completed);
    List<List<String>> before = BackupFixture.rows(scratch, sources.get(kind));
    try (Connection holder = scratch.connect(sources.get(kind));
        Statement lock = holder.createStatement()) {
      holdLock(kind, holder, lock);
      DatabaseRestore slow = BackupFixture.restoreInPlace(name, name, source(kind), true);
      slow.getSpec().setActiveDeadlineSeconds(2L);
      fixture.operator.create(slow);
      fixture.awaitRestore(name, DatabaseRestoreStatus.Phase.Failed);

      assertRow(
          fixture.operator.awaitEvent("DatabaseRestore", name, "DeadlineExceeded"),
          CatalogEvent.RESTORE_DEADLINE_EXCEEDED,
          sources.get(kind),
          "activeDeadlineSeconds (2s)");
    }
    assertThat(BackupFixture.rows(scratch, sources.get(kind))).isEqualTo(before);
  }

  /** Makes the dump and restore clients wait: the lock is held until {@code holder} closes. */
  private static void holdLock(TestServer kind, Connection holder, Statement lock)
      throws Exception {
    if (kind == TestServer.POSTGRES) {
      holder.setAutoCommit(false);
      lock.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
    } else {
      lock.execute("LOCK TABLES items WRITE");
    }
  }

  private static String instance(TestServer kind) {
    return kind == TestServer.POSTGRES ? "pg" : "maria";
  }

  private static String source(TestServer kind) {
    return "src-" + instance(kind);
  }

  private static String name(TestServer kind, String what) {
    return (instance(kind) + "-" + what).toLowerCase(Locale.ROOT);
  }
}
