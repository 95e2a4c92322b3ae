package io.dbprovision.operator.metrics;

import static io.dbprovision.api.ResourceKind.DATABASE;
import static io.dbprovision.api.ResourceKind.DATABASE_BACKUP;
import static io.dbprovision.api.ResourceKind.DATABASE_BACKUP_SCHEDULE;
import static io.dbprovision.api.ResourceKind.DATABASE_GRANT;
import static io.dbprovision.api.ResourceKind.DATABASE_INSTANCE;
import static io.dbprovision.api.ResourceKind.DATABASE_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.config.ListenAddress;
import io.dbprovision.operator.metrics.OperatorMetrics.EventOutcome;
import io.dbprovision.operator.metrics.OperatorMetrics.OperationResult;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.dbprovision.operator.testing.Scrape;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics as Prometheus sees them: scraped over HTTP from {@code /metrics}. */
class OperatorMetricsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final OperatorMetrics metrics = new OperatorMetrics(registry);
  private MetricsServer server;

  @BeforeEach
  void serve() {
    server = MetricsServer.start(new ListenAddress("127.0.0.1", 0), registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Scrape scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    return Scrape.of(response.body());
  }

  @Test
  void countsReconcilesErrorsAndTheirDuration() throws Exception {
    metrics.reconcileFinished(DATABASE, ReconcileResult.SUCCESS, Duration.ofMillis(40));
    metrics.reconcileFinished(DATABASE, ReconcileResult.SUCCESS, Duration.ofMillis(60));
    metrics.reconcileFinished(DATABASE, ReconcileResult.ERROR, Duration.ofSeconds(3));
    metrics.reconcileFinished(DATABASE_USER, ReconcileResult.SUCCESS, Duration.ofMillis(5));

    Scrape scrape = scrape();
    assertThat(scrape.get("dbprovision_reconcile_total", "kind", "Database", "result", "success"))
        .isEqualTo(2);
    assertThat(scrape.get("dbprovision_reconcile_total", "kind", "Database", "result", "error"))
        .isEqualTo(1);
    assertThat(scrape.get("dbprovision_reconcile_errors_total", "kind", "Database")).isEqualTo(1);
    assertThat(scrape.get("dbprovision_reconcile_errors_total", "kind", "DatabaseUser")).isZero();
    assertThat(
            scrape.get("dbprovision_reconcile_total", "kind", "DatabaseBackup", "result", "error"))
        .isZero();
    assertThat(scrape.get("dbprovision_reconcile_duration_seconds_count", "kind", "Database"))
        .isEqualTo(3);
    assertThat(scrape.get("dbprovision_reconcile_duration_seconds_sum", "kind", "Database"))
        .isCloseTo(3.1, offset(1e-9));
    assertThat(
            scrape.get(
                "dbprovision_reconcile_duration_seconds_bucket", "kind", "Database", "le", "0.05"))
        .isEqualTo(1);
    assertThat(
            scrape.get(
                "dbprovision_reconcile_duration_seconds_bucket", "kind", "Database", "le", "0.1"))
        .isEqualTo(2);
    assertThat(
            scrape.get(
                "dbprovision_reconcile_duration_seconds_bucket", "kind", "Database", "le", "+Inf"))
        .isEqualTo(3);
  }

  @Test
  void driftIsOneWhileDriftedAndZeroOnceCorrected() throws Exception {
    metrics.driftDetected(DATABASE, "shop", "orders", true);
    metrics.driftDetected(DATABASE_GRANT, "shop", "orders-rw", true);
    assertThat(
            scrape()
                .get(
                    "dbprovision_drift_detected",
                    "kind",
                    "Database",
                    "namespace",
                    "shop",
                    "name",
                    "orders"))
        .isEqualTo(1);

    metrics.driftDetected(DATABASE, "shop", "orders", false);

    Scrape scrape = scrape();
    assertThat(
            scrape.get(
                "dbprovision_drift_detected",
                "kind",
                "Database",
                "namespace",
                "shop",
                "name",
                "orders"))
        .isZero();
    assertThat(
            scrape.get(
                "dbprovision_drift_detected",
                "kind",
                "DatabaseGrant",
                "namespace",
                "shop",
                "name",
                "orders-rw"))
        .isEqualTo(1);
  }

  @Test
  void instanceHealthAndLatency() throws Exception {
    metrics.instanceHealth("shop", "pg", Engine.postgres, true, Duration.ofMillis(12));
    metrics.instanceHealth("shop", "maria", Engine.mariadb, false, Duration.ofMillis(1500));

    Scrape scrape = scrape();
    assertThat(
            scrape.get(
                "dbprovision_instance_healthy",
                "namespace",
                "shop",
                "instance",
                "pg",
                "engine",
                "postgres"))
        .isEqualTo(1);
    assertThat(
            scrape.get(
                "dbprovision_instance_healthy",
                "namespace",
                "shop",
                "instance",
                "maria",
                "engine",
                "mariadb"))
        .isZero();
    assertThat(
            scrape.get(
                "dbprovision_connection_latency_seconds",
                "namespace",
                "shop",
                "instance",
                "pg",
                "engine",
                "postgres"))
        .isEqualTo(0.012);
    assertThat(
            scrape.get(
                "dbprovision_connection_latency_seconds",
                "namespace",
                "shop",
                "instance",
                "maria",
                "engine",
                "mariadb"))
        .isEqualTo(1.5);
  }

  @Test
  void resourcesAreCountedByPhaseAsObjectsMoveBetweenPhases() throws Exception {
    metrics.resourcePhase(DATABASE, "shop", "orders", DatabaseStatus.Phase.Pending);
    metrics.resourcePhase(DATABASE, "shop", "invoices", DatabaseStatus.Phase.Pending);
    metrics.resourcePhase(DATABASE, "billing", "ledger", DatabaseStatus.Phase.Ready);
    metrics.resourcePhase(DATABASE, "shop", "orders", DatabaseStatus.Phase.Ready);
    metrics.resourcePhase(DATABASE, "shop", "orders", DatabaseStatus.Phase.Ready);

    Scrape scrape = scrape();
    assertThat(
            scrape.get(
                "dbprovision_resources",
                "kind",
                "Database",
                "namespace",
                "shop",
                "phase",
                "Pending"))
        .isEqualTo(1);
    assertThat(
            scrape.get(
                "dbprovision_resources", "kind", "Database", "namespace", "shop", "phase", "Ready"))
        .isEqualTo(1);
    assertThat(
            scrape.get(
                "dbprovision_resources",
                "kind",
                "Database",
                "namespace",
                "billing",
                "phase",
                "Ready"))
        .isEqualTo(1);

    metrics.resourcePhase(DATABASE, "shop", "invoices", DatabaseStatus.Phase.Ready);

    Scrape after = scrape();
    assertThat(
            after.value(
                "dbprovision_resources",
                "kind",
                "Database",
                "namespace",
                "shop",
                "phase",
                "Pending"))
        .isEmpty();
    assertThat(
            after.get(
                "dbprovision_resources", "kind", "Database", "namespace", "shop", "phase", "Ready"))
        .isEqualTo(2);
  }

  @Test
  void databaseSizeAndOperations() throws Exception {
    metrics.databaseSize("shop", "orders", 8_388_608);
    metrics.operation(DATABASE, "create", Engine.postgres, OperationResult.SUCCESS);
    metrics.operation(DATABASE_GRANT, "revoke", Engine.mysql, OperationResult.FAILURE);
    metrics.operation(DATABASE_GRANT, "revoke", Engine.mysql, OperationResult.FAILURE);

    Scrape scrape = scrape();
    assertThat(
            scrape.get(
                "dbprovision_database_size_bytes", "namespace", "shop", "database", "orders"))
        .isEqualTo(8_388_608);
    assertThat(
            scrape.get(
                "dbprovision_operations_total",
                "kind",
                "Database",
                "operation",
                "create",
                "engine",
                "postgres",
                "result",
                "success"))
        .isEqualTo(1);
    assertThat(
            scrape.get(
                "dbprovision_operations_total",
                "kind",
                "DatabaseGrant",
                "operation",
                "revoke",
                "engine",
                "mysql",
                "result",
                "failure"))
        .isEqualTo(2);
  }

  @Test
  void recorderOutcomesStartAtZeroForEveryCatalogRow() throws Exception {
    metrics.eventRecorded(CatalogEvent.GRANT_APPLIED, EventOutcome.CREATED);
    metrics.eventRecorded(CatalogEvent.GRANT_APPLIED, EventOutcome.PATCHED);
    metrics.eventRecorded(CatalogEvent.GRANT_APPLIED, EventOutcome.PATCHED);

    Scrape scrape = scrape();
    assertThat(
            scrape.get(
                "dbprovision_operator_events_total",
                "kind",
                "DatabaseGrant",
                "reason",
                "Applied",
                "type",
                "Normal",
                "outcome",
                "created"))
        .isEqualTo(1);
    assertThat(
            scrape.get(
                "dbprovision_operator_events_total",
                "kind",
                "DatabaseGrant",
                "reason",
                "Applied",
                "type",
                "Normal",
                "outcome",
                "patched"))
        .isEqualTo(2);
    for (CatalogEvent event : CatalogEvent.values()) {
      for (String outcome : new String[] {"created", "patched", "dropped"}) {
        assertThat(
                scrape.value(
                    "dbprovision_operator_events_total",
                    "kind",
                    event.kind().kind(),
                    "reason",
                    event.reason(),
                    "type",
                    event.type().name(),
                    "outcome",
                    outcome))
            .isPresent();
      }
    }
  }

  @Test
  void aDeletedObjectLeavesNoSeriesBehind() throws Exception {
    metrics.instanceHealth("shop", "pg", Engine.postgres, true, Duration.ofMillis(3));
    metrics.resourcePhase(DATABASE_INSTANCE, "shop", "pg", DatabaseInstanceStatus.Phase.Ready);
    metrics.driftDetected(DATABASE, "shop", "orders", true);
    metrics.databaseSize("shop", "orders", 1024);
    metrics.resourcePhase(DATABASE, "shop", "orders", DatabaseStatus.Phase.Ready);
    metrics.resourcePhase(DATABASE, "shop", "invoices", DatabaseStatus.Phase.Ready);

    metrics.resourceGone(DATABASE_INSTANCE, "shop", "pg");
    metrics.resourceGone(DATABASE, "shop", "orders");

    Scrape scrape = scrape();
    assertThat(scrape.samples().keySet())
        .noneMatch(s -> s.contains("instance=\"pg\""))
        .noneMatch(s -> s.contains("name=\"orders\""))
        .noneMatch(s -> s.contains("database=\"orders\""));
    assertThat(
            scrape.value(
                "dbprovision_resources",
                "kind",
                "DatabaseInstance",
                "namespace",
                "shop",
                "phase",
                "Ready"))
        .isEmpty();
    assertThat(
            scrape.get(
                "dbprovision_resources", "kind", "Database", "namespace", "shop", "phase", "Ready"))
        .isEqualTo(1);
  }

  @Test
  void backupsAndRestoresSetTheirGaugesAndLeaveWithTheirObjects() throws Exception {
    Instant completed = Instant.parse("2026-11-25T02:30:00Z");
    metrics.backupCompleted(
        "shop", "orders", "orders-nightly", 2048, completed, Duration.ofMillis(1500));
    metrics.restoreCompleted("shop", "orders_copy", Duration.ofSeconds(3));

    Scrape scrape = scrape();
    assertThat(
            scrape.get(
                "dbprovision_backup_last_success_timestamp_seconds",
                "namespace",
                "shop",
                "database",
                "orders"))
        .isEqualTo(completed.getEpochSecond());
    assertThat(
            scrape.get(
                "dbprovision_backup_size_bytes", "namespace", "shop", "backup", "orders-nightly"))
        .isEqualTo(2048);
    assertThat(
            scrape.get(
                "dbprovision_backup_duration_seconds", "namespace", "shop", "database", "orders"))
        .isEqualTo(1.5);
    assertThat(
            scrape.get(
                "dbprovision_restore_duration_seconds",
                "namespace",
                "shop",
                "database",
                "orders_copy"))
        .isEqualTo(3);

    metrics.resourceGone(DATABASE_BACKUP, "shop", "orders-nightly");
    metrics.resourceGone(DATABASE, "shop", "orders");

    assertThat(scrape().samples().keySet())
        .noneMatch(s -> s.startsWith("dbprovision_backup_"))
        .anyMatch(s -> s.startsWith("dbprovision_restore_duration_seconds"));
  }

  @Test
  void anInstanceThatChangesEngineKeepsOneSeries() throws Exception {
    metrics.instanceHealth("shop", "db", Engine.mysql, true, Duration.ofMillis(3));
    metrics.instanceHealth("shop", "db", Engine.mariadb, true, Duration.ofMillis(3));

    assertThat(
            scrape().samples().keySet().stream()
                .filter(s -> s.startsWith("dbprovision_instance_healthy{")))
        .containsExactly(
            "dbprovision_instance_healthy{engine=\"mariadb\",instance=\"db\",namespace=\"shop\"}");
  }

  @Test
  void scheduleNextRunIsTheUnixTimeOfTheNextTriggerAndGoesWithTheSchedule() throws Exception {
    String series = "dbprovision_schedule_next_run_timestamp_seconds";
    metrics.scheduleNextRun("shop", "nightly", Optional.of(Instant.parse("2026-11-26T03:00:00Z")));
    metrics.scheduleNextRun("shop", "hourly", Optional.of(Instant.parse("2026-11-25T11:00:00Z")));
    assertThat(scrape().get(series, "namespace", "shop", "schedule", "nightly"))
        .isEqualTo(Instant.parse("2026-11-26T03:00:00Z").getEpochSecond());

    metrics.scheduleNextRun("shop", "hourly", Optional.empty()); // paused
    metrics.resourceGone(DATABASE_BACKUP_SCHEDULE, "shop", "nightly"); // deleted

    Scrape scrape = scrape();
    assertThat(scrape.value(series, "namespace", "shop", "schedule", "nightly")).isEmpty();
    assertThat(scrape.value(series, "namespace", "shop", "schedule", "hourly")).isEmpty();
  }
}
