package io.dbprovision.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.backup.storage.BackupStorage;
import io.dbprovision.operator.backup.storage.FilesystemStorage;
import io.dbprovision.operator.backup.storage.InProcessS3;
import io.dbprovision.operator.backup.storage.S3Storage;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Backups and restores through the real dump clients against the real servers. */
class BackupRestoreIT {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int ROWS = 2000;

  @TempDir Path work;
  @TempDir Path volume;
  @TempDir Path blobs;
  private InProcessS3 s3;
  private S3Storage s3Storage;
  private BackupExecutor executor;

  @BeforeEach
  void start() throws Exception {
    s3 = InProcessS3.start(blobs);
    s3Storage = S3Storage.connect(s3.settings("backups"));
    Clock clock = Clock.systemUTC();
    executor =
        new BackupExecutor(
            2,
            4,
            new BackupPipeline(clock, Duration.ofMillis(100), work),
            new RestorePipeline(clock, Duration.ofMillis(100), work));
  }

  @AfterEach
  void stop() {
    executor.close();
    s3Storage.close();
    s3.close();
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
  void restoresABackupIntoANewDatabaseRowForRow(
      TestServer kind, String storageType, boolean encrypted) throws Exception {
    DatabaseServer server = RealDatabases.server(kind);
    try (Scratch scratch = Scratch.on(server)) {
      String source = scratch.createDatabase("bak_src");
      fill(scratch, source);
      String target = scratch.createDatabase("bak_dst");
      BackupStorage storage = storageType.equals("s3") ? s3Storage : new FilesystemStorage(volume);
      List<Progress> progress = new CopyOnWriteArrayList<>();
      List<String> threads = new CopyOnWriteArrayList<>();

      BackupOutcome backup =
          executor
              .backup(
                  request(server, source, storage, encrypted),
                  Duration.ofMinutes(2),
                  p -> {
                    progress.add(p);
                    threads.add(Thread.currentThread().getName());
                  })
              .get(3, TimeUnit.MINUTES);

      assertThat(backup).isInstanceOf(BackupOutcome.Completed.class);
      BackupArtifact artifact = ((BackupOutcome.Completed) backup).artifact();
      assertThat(artifact.sizeBytes()).isPositive();
      assertThat(artifact.storedBytes())
          .isEqualTo(storage.stat(artifact.key()).orElseThrow().sizeBytes());
      try (var in = storage.open(artifact.key())) {
        assertThat(Checksums.of(in, Deadline.none())).isEqualTo(artifact.checksum());
      }
      assertThat(progress).last().extracting(Progress::bytes).isEqualTo(artifact.sizeBytes());
      assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("backup-worker-"));

      RestoreOutcome restore =
          executor
              .restore(
                  restoreRequest(server, target, storage, artifact, encrypted),
                  Duration.ofMinutes(2),
                  p -> {})
              .get(3, TimeUnit.MINUTES);

      assertThat(restore).isInstanceOf(RestoreOutcome.Completed.class);
      assertThat(rows(scratch, target)).hasSize(ROWS).isEqualTo(rows(scratch, source));
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void aCorruptedBackupFailsValidationAndLeavesTheTargetUntouched(TestServer kind)
      throws Exception {
    DatabaseServer server = RealDatabases.server(kind);
    try (Scratch scratch = Scratch.on(server)) {
      String source = scratch.createDatabase("bak_src");
      fill(scratch, source);
      String target = scratch.createDatabase("bak_dst");
      FilesystemStorage storage = new FilesystemStorage(volume);
      BackupOutcome backup =
          executor
              .backup(request(server, source, storage, false), Duration.ofMinutes(2), p -> {})
              .get(3, TimeUnit.MINUTES);
      BackupArtifact artifact = ((BackupOutcome.Completed) backup).artifact();
      Path file = volume.resolve(artifact.key());
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x55;
      Files.write(file, bytes);

      RestoreOutcome restore =
          executor
              .restore(
                  restoreRequest(server, target, storage, artifact, false),
                  Duration.ofMinutes(2),
                  p -> {})
              .get(3, TimeUnit.MINUTES);

      assertThat(restore).isInstanceOf(RestoreOutcome.ValidationFailed.class);
      assertThat(((RestoreOutcome.ValidationFailed) restore).message())
          .contains(artifact.key(), "checksum", artifact.checksum());
      assertThat(tables(scratch, target)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void aBackupPastItsDeadlineIsStoppedAndLeavesNothingStored(TestServer kind) throws Exception {
    DatabaseServer server = RealDatabases.server(kind);
    try (Scratch scratch = Scratch.on(server)) {
      String source = scratch.createDatabase("bak_src");
      fill(scratch, source);
      FilesystemStorage storage = new FilesystemStorage(volume);
      // An exclusive lock held by another session makes the dump client wait for as long as it
      // holds.
      try (Connection holder = scratch.connect(source);
          Statement lock = holder.createStatement()) {
        if (kind == TestServer.POSTGRES) {
          holder.setAutoCommit(false);
          lock.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
        } else {
          lock.execute("LOCK TABLES items WRITE");
        }

        BackupOutcome backup =
            executor
                .backup(request(server, source, storage, false), Duration.ofSeconds(2), p -> {})
                .get(1, TimeUnit.MINUTES);

        assertThat(backup).isInstanceOf(BackupOutcome.DeadlineExceeded.class);
        assertThat(((BackupOutcome.DeadlineExceeded) backup).deadline())
            .isEqualTo(Duration.ofSeconds(2));
        assertThat(storage.list("")).isEmpty();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void refusesWorkBeyondItsWorkersAndQueue() throws Exception {
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    Clock clock = Clock.systemUTC();
    try (Scratch scratch = Scratch.on(server);
        BackupExecutor small =
            new BackupExecutor(
                1,
                0,
                new BackupPipeline(clock, Duration.ofSeconds(1), work),
                new RestorePipeline(clock, Duration.ofSeconds(1), work))) {
      String source = scratch.createDatabase("bak_src");
      fill(scratch, source);
      FilesystemStorage storage = new FilesystemStorage(volume);
      try (Connection holder = scratch.connect(source);
          Statement lock = holder.createStatement()) {
        holder.setAutoCommit(false);
        lock.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");

        var first =
            small.backup(request(server, source, storage, false), Duration.ofSeconds(3), p -> {});
        org.awaitility.Awaitility.await().until(() -> small.pending() == 1);
        var second =
            small.backup(request(server, source, storage, false), Duration.ofSeconds(3), p -> {});

        assertThat(second)
            .failsWithin(Duration.ofSeconds(1))
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(first.get(1, TimeUnit.MINUTES))
            .isInstanceOf(BackupOutcome.DeadlineExceeded.class);
      }
    }
  }

  private static Engine engine(TestServer kind) {
    return kind == TestServer.POSTGRES ? Engine.postgres : Engine.mariadb;
  }

  private static DatabaseAddress address(DatabaseServer server, String database) {
    return new DatabaseAddress(
        engine(server.kind()),
        server.host(),
        server.port(),
        server.adminUser(),
        server.adminPassword(),
        database);
  }

  private static BackupRequest request(
      DatabaseServer server, String database, BackupStorage storage, boolean encrypted) {
    Compression compression = Compression.of(null);
    String format = ClientCommand.dumpFormat(engine(server.kind()), null);
    String key =
        ObjectNaming.backupKey(
            "it", "ns", database, Instant.now(), "backup", format, compression, encrypted);
    return new BackupRequest(
        address(server, database),
        null,
        null,
        compression,
        encrypted ? Optional.of(BackupEncryption.withKey(KEY)) : Optional.empty(),
        storage,
        key,
        OptionalLong.empty());
  }

  private static RestoreRequest restoreRequest(
      DatabaseServer server,
      String target,
      BackupStorage storage,
      BackupArtifact artifact,
      boolean encrypted) {
    return new RestoreRequest(
        address(server, target),
        storage,
        artifact.key(),
        artifact.checksum(),
        artifact.format(),
        Compression.of(null),
        encrypted ? Optional.of(BackupEncryption.withKey(KEY)) : Optional.empty());
  }

  private static void fill(Scratch scratch, String database) throws Exception {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, price NUMERIC(10,2), created DATE)");
      if (scratch.server().kind() == TestServer.POSTGRES) {
        statement.execute(
            "INSERT INTO items SELECT n, 'item ' || n || ' it''s ü', n * 1.25, DATE '2026-01-01' + n"
                + " FROM generate_series(1, "
                + ROWS
                + ") AS n");
      } else {
        statement.execute("SET SESSION max_recursive_iterations = " + (ROWS + 1));
        statement.execute(
            "INSERT INTO items WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < "
                + ROWS
                + ") SELECT n, CONCAT('item ', n, ' it''s ü'), n * 1.25, DATE_ADD('2026-01-01', INTERVAL n DAY) FROM s");
      }
    }
  }

  private static List<List<String>> rows(Scratch scratch, String database) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT id, name, price, created FROM items ORDER BY id")) {
      while (result.next()) {
        rows.add(
            List.of(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4)));
      }
    }
    return rows;
  }

  private static List<String> tables(Scratch scratch, String database) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = scratch.connect(database);
        ResultSet result =
            connection
                .getMetaData()
                .getTables(
                    scratch.server().kind() == TestServer.POSTGRES ? null : database,
                    scratch.server().kind() == TestServer.POSTGRES ? "public" : null,
                    "%",
                    new String[] {"TABLE"})) {
      while (result.next()) {
        tables.add(result.getString("TABLE_NAME"));
      }
    }
    return tables;
  }
}
