package io.dbprovision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, run as a person would (the runnable jar, against the test
 * PostgreSQL): what it prints, that it stops cleanly, and that it leaves nothing on the server.
 */
class DemoIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Pattern RUN = Pattern.compile("database (demo_([a-z0-9]+)_orders)");

  private final DatabaseServer postgres = RealDatabases.server(TestServer.POSTGRES);

  @Test
  void runsTheScenarioPrintsEventsMetricsAndNotificationsAndExitsCleanly() throws Exception {
    assertThat(DemoProcess.jar()).exists();
    try (DemoProcess demo = DemoProcess.start(postgres, Main.EXIT_AFTER_SCENARIO)) {
      int exit = demo.awaitExit(PATIENCE);
      String output = demo.output();
      assertThat(exit).as(output).isZero();
      List<String> lines = demo.stdout();

      // Says which PostgreSQL it uses, and why, first thing.
      assertThat(lines.subList(0, 2))
          .as(output)
          .anyMatch(
              l ->
                  l.contains("demo    PostgreSQL 15")
                      && l.contains(": local PostgreSQL at " + postgres.host())
                      && l.endsWith("; named by DBPROVISION_DEMO_POSTGRES"));
      // Events as the current reconcilers emit them (DatabaseInstanceEventsIT, DatabaseEventsIT).
      assertThat(lines)
          .as(output)
          .anyMatch(event("Normal", "DatabaseInstance/pg-main", "Connected"))
          .anyMatch(event("Normal", "Database/orders", "Created"))
          .anyMatch(event("Warning", "Database/archive", "DeletionBlocked"))
          .anyMatch(event("Warning", "Database/orders", "DriftDetected"));
      // The exporter's counters, from its /metrics.
      assertThat(lines)
          .as(output)
          .anyMatch(
              l ->
                  l.contains("metric  dbprovision_events_total{")
                      && l.contains("reason=\"DeletionBlocked\"")
                      && l.endsWith(" 1.0"));
      // What the Slack route would post: Warnings only, in the route's message format.
      assertThat(lines)
          .as(output)
          .anyMatch(l -> l.contains("slack   #db-alerts  Database/archive: DeletionBlocked | "))
          .anyMatch(l -> l.contains("slack   #db-alerts  Database/orders: DriftDetected | "))
          .noneMatch(l -> l.contains("slack ") && l.contains(": Created |"));
      assertThat(lines).last().asString().endsWith("demo    stopped");
      assertNoStackTraces(demo);
      assertNothingLeftOnTheServer(lines);
    }
  }

  /**
   * Without settings, as a user other than root: its own embedded PostgreSQL; stopped with Ctrl-C
   * after the scenario, it stops everything without a stack trace. (The cleanup on a server the
   * demo did not start runs on the same shutdown path, checked above.)
   */
  @Test
  void withNothingConfiguredRunsOnAnEmbeddedPostgresAndStopsOnCtrlC() throws Exception {
    Path tmp = Files.createTempDirectory("demo-embedded");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (DemoProcess demo = DemoProcess.startEmbedded(tmp)) {
      assertThat(demo.awaitLine(l -> l.contains("press Ctrl-C to stop"), PATIENCE))
          .as(demo::output)
          .isTrue();
      demo.interrupt();
      int exit = demo.awaitExit(PATIENCE);
      List<String> lines = demo.stdout();

      assertThat(exit).as(demo::output).isEqualTo(130); // 128 + SIGINT, as for any JVM
      assertThat(lines.subList(0, 2))
          .as(demo::output)
          .anyMatch(
              l -> l.contains(": embedded PostgreSQL on 127.0.0.1:") && l.endsWith("; embedded"));
      assertThat(lines)
          .as(demo::output)
          .anyMatch(event("Warning", "Database/archive", "DeletionBlocked"))
          .anyMatch(event("Warning", "Database/orders", "DriftDetected"))
          .anyMatch(l -> l.contains("demo    stopping: operator, exporter"));
      assertThat(lines).last().asString().endsWith("demo    stopped");
      assertNoStackTraces(demo);
    }
  }

  private static java.util.function.Predicate<String> event(
      String type, String object, String reason) {
    return line ->
        line.matches(
            "\\d\\d:\\d\\d:\\d\\d  event   "
                + type
                + " +"
                + Pattern.quote(object)
                + "  "
                + reason
                + ": .+");
  }

  private static void assertNoStackTraces(DemoProcess demo) {
    assertThat(demo.stdout()).as(demo::output).noneMatch(DemoIT::looksLikeAStackTrace);
    assertThat(demo.stderr()).as(demo::output).noneMatch(DemoIT::looksLikeAStackTrace);
  }

  private static boolean looksLikeAStackTrace(String line) {
    return line.startsWith("\tat ") || line.contains("Exception in thread");
  }

  /** Every database named for this run is gone (the login too, when one was created). */
  private void assertNothingLeftOnTheServer(List<String> lines) throws SQLException {
    String run =
        lines.stream()
            .map(RUN::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(2))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database name in:\n" + lines));
    String prefix = "demo\\_" + run + "\\_%";
    try (Connection admin = postgres.openAdmin()) {
      assertThat(count(admin, "SELECT count(*) FROM pg_database WHERE datname LIKE ?", prefix))
          .isZero();
      assertThat(count(admin, "SELECT count(*) FROM pg_roles WHERE rolname LIKE ?", prefix))
          .isZero();
    }
  }

  private static int count(Connection connection, String sql, String pattern) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, pattern);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
