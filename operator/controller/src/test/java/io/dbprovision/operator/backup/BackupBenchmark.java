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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Prints how our backup pipeline compares with {@code pg_dump | gzip > file} on a generated
 * PostgreSQL database (default about 1 GiB; first argument: size in MiB, second: rounds), and how
 * much the JVM's resident memory grows during our backup (VmHWM reset before, and VmRSS sampled).
 * Our backup runs on the {@link BackupExecutor} worker pool as the reconciler runs it, in the same
 * format (plain) and gzip level (6) as the baseline. The two alternate for a few rounds, because on
 * a shared machine one slow moment should not decide the ratio; the best round of each counts.
 * Figures only, no assertions.
 *
 * <p>Run: {@code ./mvnw -B -pl operator/controller -am verify -Pbench -DskipTests} (size with
 * {@code -Dbench.mib=N}); see docs/development.md.
 */
public final class BackupBenchmark {
  private BackupBenchmark() {}

  public static void main(String[] args) throws Exception {
    long targetMiB = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    DatabaseServer server = RealDatabases.server(TestServer.POSTGRES);
    Path work = Files.createTempDirectory("backup-bench");
    Clock clock = Clock.systemUTC();
    try (Scratch scratch = Scratch.on(server);
        BackupExecutor executor =
            new BackupExecutor(
                1,
                0,
                new BackupPipeline(clock, Duration.ofSeconds(5), work),
                new RestorePipeline(clock, Duration.ofSeconds(5), work))) {
      String database = scratch.createDatabase("bench");
      long size = generate(scratch, database, targetMiB);
      System.out.printf(Locale.ROOT, "database %s: %d MiB on disk%n", database, size >> 20);

      Duration bestBaseline = null;
      Duration bestOurs = null;
      long dumped = 0;
      long stored = 0;
      long baselineStored = 0;
      long worstGrowthKiB = 0;
      long worstSampledKiB = 0;
      for (int round = 1; round <= rounds; round++) {
        Path baselineFile = work.resolve("baseline-" + round + ".sql.gz");
        Duration baseline = baseline(server, database, baselineFile);
        baselineStored = Files.size(baselineFile);
        Files.delete(baselineFile);

        BackupRequest request = request(server, database, size, work, round);
        System.gc();
        resetPeakRss();
        long rssBefore = statusKiB("VmRSS");
        AtomicLong sampledPeak = new AtomicLong(rssBefore);
        Thread sampler = new Thread(() -> sampleRss(sampledPeak), "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Instant start = Instant.now();
        BackupOutcome outcome =
            executor
                .backup(
                    request,
                    Duration.ofHours(1),
                    p ->
                        System.out.printf(
                            Locale.ROOT, "  progress %d MiB %s%n", p.bytes() >> 20, p.percentage()))
                .get();
        Duration ours = Duration.between(start, Instant.now());
        sampler.interrupt();
        long peak = statusKiB("VmHWM");
        if (!(outcome instanceof BackupOutcome.Completed completed)) {
          throw new IllegalStateException("our backup did not complete: " + outcome);
        }
        dumped = completed.artifact().sizeBytes();
        stored = completed.artifact().storedBytes();
        request.storage().delete(request.key());
        worstGrowthKiB = Math.max(worstGrowthKiB, peak - rssBefore);
        worstSampledKiB = Math.max(worstSampledKiB, sampledPeak.get() - rssBefore);
        System.out.printf(
            Locale.ROOT,
            "round %d: pg_dump | gzip %.1f s, our pipeline %.1f s; RSS +%d MiB (VmHWM), +%d MiB"
                + " (sampled)%n",
            round,
            seconds(baseline),
            seconds(ours),
            (peak - rssBefore) >> 10,
            (sampledPeak.get() - rssBefore) >> 10);
        bestBaseline = min(bestBaseline, baseline);
        bestOurs = min(bestOurs, ours);
      }

      System.out.printf(
          Locale.ROOT,
          "pg_dump | gzip : %6.1f s, %7.1f MiB/s dumped, %d MiB stored (best of %d)%n",
          seconds(bestBaseline),
          (dumped >> 20) / seconds(bestBaseline),
          baselineStored >> 20,
          rounds);
      System.out.printf(
          Locale.ROOT,
          "our pipeline   : %6.1f s, %7.1f MiB/s dumped, %d MiB stored, %d MiB dumped (best of"
              + " %d)%n",
          seconds(bestOurs),
          (dumped >> 20) / seconds(bestOurs),
          stored >> 20,
          dumped >> 20,
          rounds);
      System.out.printf(
          Locale.ROOT,
          "throughput ratio (ours / baseline): %.2fx (target >= 0.8x)%n",
          seconds(bestBaseline) / seconds(bestOurs));
      System.out.printf(
          Locale.ROOT,
          "JVM peak RSS growth during our backup (worst round): %d MiB by VmHWM, %d MiB by VmRSS"
              + " sampled every 50 ms (target <= 64 MiB)%n",
          worstGrowthKiB >> 10,
          worstSampledKiB >> 10);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Duration baseline(DatabaseServer server, String database, Path file)
      throws Exception {
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
                file.toString())
            .inheritIO()
            .start();
    if (baseline.waitFor() != 0) {
      throw new IllegalStateException("pg_dump | gzip failed");
    }
    return Duration.between(start, Instant.now());
  }

  private static BackupRequest request(
      DatabaseServer server, String database, long size, Path work, int round) {
    PostgresBackupOptions plain = new PostgresBackupOptions();
    plain.setFormat(PostgresDumpFormat.plain);
    return new BackupRequest(
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
        "bench/" + database + "-" + round + ".sql.gz",
        OptionalLong.of(size));
  }

  private static Duration min(Duration best, Duration candidate) {
    return best == null || candidate.compareTo(best) < 0 ? candidate : best;
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
