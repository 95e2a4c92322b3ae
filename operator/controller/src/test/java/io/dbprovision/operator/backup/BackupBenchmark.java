package io.dbprovision.operator.backup;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.PostgresBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresDumpFormat;
import io.dbprovision.operator.backup.storage.FilesystemStorage;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints how our backup pipeline compares with {@code pg_dump | gzip > file} on a generated
 * PostgreSQL database (default about 1 GiB; first argument: size in MiB), and how much the JVM's
 * resident memory grows during our backup (VmHWM reset before, and VmRSS sampled). Our backup runs
 * on the {@link BackupExecutor} worker pool as the reconciler runs it. Figures only, no assertions.
 *
 * <p>Run: {@code ./mvnw -B -pl operator/controller -am verify -Pbench -DskipTests} (size with
 * {@code -Dbench.mib=N}); see docs/development.md.
 */
public final class BackupBenchmark {
  private BackupBenchmark() {}

  public static void main(String[] args) throws Exception {
    long targetMiB = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    Path work = Files.createTempDirectory("backup-bench");
    try (Scratch scratch = Scratch.on(server)) {
      String database = scratch.createDatabase("bench");
      long size = generate(scratch, database, targetMiB);
      System.out.printf(Locale.ROOT, "database %s: %d MiB on disk%n", database, size >> 20);

      Path baselineFile = work.resolve("baseline.sql.gz");
      Instant start = Instant.now();
      Process baseline =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "pg_dump --host=\"$1\" --port=\"$2\" --username=\"$3\" --no-password --dbname=\"$4\""
                      + " --format=plain | gzip > \"$5\"",
                  "sh",
                  server.host(),
                  String.valueOf(server.port()),
                  server.adminUser(),
                  database,
                  baselineFile.toString())
              .inheritIO()
              .start();
      if (baseline.waitFor() != 0) {
        throw new IllegalStateException("pg_dump | gzip failed");
      }
      Duration baselineTime = Duration.between(start, Instant.now());

      PostgresBackupOptions plain = new PostgresBackupOptions();
      plain.setFormat(PostgresDumpFormat.plain);
      BackupRequest request =
          new BackupRequest(
              new DatabaseAddress(
                  Engine.postgres,
                  server.host(),
                  server.port(),
                  server.adminUser(),
                  server.adminPassword(),
                  database),
              plain,
              null,
              Compression.of(null),
              Optional.empty(),
              new FilesystemStorage(work.resolve("ours")),
              "bench/" + database + ".sql.gz",
              OptionalLong.of(size));
      // The operator's path: the bounded worker pool running the pipeline, as the reconciler does.
      Clock clock = Clock.systemUTC();
      BackupExecutor executor =
          new BackupExecutor(
              1,
              0,
              new BackupPipeline(clock, Duration.ofSeconds(5), work),
              new RestorePipeline(clock, Duration.ofSeconds(5), work));
      System.gc();
      resetPeakRss();
      long rssBefore = statusKiB("VmRSS");
      AtomicLong sampledPeak = new AtomicLong(rssBefore);
      Thread sampler = new Thread(() -> sampleRss(sampledPeak), "rss-sampler");
      sampler.setDaemon(true);
      sampler.start();
      start = Instant.now();
      BackupOutcome outcome =
          executor
              .backup(
                  request,
                  Duration.ofHours(1),
                  p ->
                      System.out.printf(
                          Locale.ROOT, "  progress %d MiB %s%n", p.bytes() >> 20, p.percentage()))
              .get();
      Duration ourTime = Duration.between(start, Instant.now());
      sampler.interrupt();
      executor.close();
      long peak = statusKiB("VmHWM");
      if (!(outcome instanceof BackupOutcome.Completed completed)) {
        throw new IllegalStateException("our backup did not complete: " + outcome);
      }
      long dumped = completed.artifact().sizeBytes();
      System.out.printf(
          Locale.ROOT,
          "pg_dump | gzip : %6.1f s, %7.1f MiB/s dumped, %d MiB stored%n",
          seconds(baselineTime),
          (dumped >> 20) / seconds(baselineTime),
          Files.size(baselineFile) >> 20);
      System.out.printf(
          Locale.ROOT,
          "our pipeline   : %6.1f s, %7.1f MiB/s dumped, %d MiB stored (%d MiB dumped)%n",
          seconds(ourTime),
          (dumped >> 20) / seconds(ourTime),
          completed.artifact().storedBytes() >> 20,
          dumped >> 20);
      System.out.printf(
          Locale.ROOT,
          "throughput ratio (ours / baseline): %.2fx (target >= 0.8x)%n",
          seconds(baselineTime) / seconds(ourTime));
      System.out.printf(
          Locale.ROOT,
          "JVM peak RSS growth during our backup: %d MiB by VmHWM, %d MiB by VmRSS sampled every"
              + " 50 ms (VmRSS before %d MiB, VmHWM after %d MiB; target <= 64 MiB)%n",
          (peak - rssBefore) >> 10,
          (sampledPeak.get() - rssBefore) >> 10,
          rssBefore >> 10,
          peak >> 10);
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long generate(Scratch scratch, String database, long targetMiB) throws Exception {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      // About 170 bytes per row on disk of mixed text and numbers: compresses roughly like real
      // data.
      long rows = targetMiB * 1024 * 1024 / 170;
      statement.execute("CREATE TABLE big (id bigint, a text, b text, n numeric, d date)");
      statement.execute(
          "INSERT INTO big SELECT g, md5(g::text) || ' ' || md5((g * 7)::text), 'customer '"
              + " || (g % 10007) || ' ordered item ' || (g % 313) || ' in batch ' || (g / 1000),"
              + " g * 1.5, DATE '2020-01-01' + (g % 2000)::int FROM generate_series(1, "
              + rows
              + ") g");
      try (ResultSet result =
          statement.executeQuery("SELECT pg_database_size(current_database())")) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static void sampleRss(AtomicLong peak) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long rss = statusKiB("VmRSS");
        peak.accumulateAndGet(rss, Math::max);
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/self/status", e);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /** Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs). */
  private static void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException e) {
      System.out.println("could not reset VmHWM; peak is since JVM start");
    }
  }

  private static long statusKiB(String field) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
    for (String line : lines) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException(field + " not in /proc/self/status");
  }
}
