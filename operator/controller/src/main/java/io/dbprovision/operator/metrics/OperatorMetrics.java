package io.dbprovision.operator.metrics;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Engine;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's {@code dbprovision_*} metrics (OPERATOR.md §4), registered on one registry, with a
 * typed method per thing that happens. Per-object series (drift, instance health and latency,
 * database size) and the per-phase resource counts are removed by {@link #resourceGone} when the
 * object is deleted, so deleted objects do not linger in Prometheus.
 *
 * <p>Label values: {@code kind} is the Kubernetes kind ({@code Database}), {@code engine} the CRD
 * enum value ({@code postgres}), results lower case. Thread-safe.
 */
public final class OperatorMetrics {

  /** How a reconcile ended. */
  public enum ReconcileResult {
    SUCCESS,
    ERROR;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a database operation (create, drop, grant, ...) ended. */
  public enum OperationResult {
    SUCCESS,
    FAILURE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What became of a recorded event. */
  public enum EventOutcome {
    /** written as a new Event */
    CREATED,
    /** folded into an existing Event ({@code count} raised) */
    PATCHED,
    /** not written: queue full, held back by the spam filter, refused or server unreachable */
    DROPPED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Counter reconciles;
  private final Counter reconcileErrors;
  private final Histogram reconcileDuration;
  private final Gauge drift;
  private final Gauge instanceHealthy;
  private final Gauge connectionLatency;
  private final Gauge resources;
  private final Gauge databaseSize;
  private final Counter operations;
  private final Counter events;
  private final Gauge scheduleNextRun;
  private final Gauge backupLastSuccess;
  private final Gauge backupSize;
  private final Gauge backupDuration;
  private final Gauge restoreDuration;

  // The state the per-phase counts and removals are derived from. Every method that writes a
  // per-object series holds "this", so a removal cannot interleave with a late update.
  private final Map<ObjectKey, String> phases = new HashMap<>();
  private final Map<PhaseKey, Integer> phaseCounts = new HashMap<>();
  private final Map<ObjectKey, Engine> instanceEngines = new HashMap<>();

  public OperatorMetrics(PrometheusRegistry registry) {
    reconciles =
        Counter.builder()
            .name("dbprovision_reconcile_total")
            .help("Reconciles finished, by kind and result")
            .labelNames("kind", "result")
            .register(registry);
    reconcileErrors =
        Counter.builder()
            .name("dbprovision_reconcile_errors_total")
            .help("Reconciles that ended in an error, by kind")
            .labelNames("kind")
            .register(registry);
    reconcileDuration =
        Histogram.builder()
            .name("dbprovision_reconcile_duration_seconds")
            .help("Time one reconcile took, by kind")
            .labelNames("kind")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
            .register(registry);
    drift =
        Gauge.builder()
            .name("dbprovision_drift_detected")
            .help("1 while the server differs from the spec of the object, else 0")
            .labelNames("kind", "namespace", "name")
            .register(registry);
    instanceHealthy =
        Gauge.builder()
            .name("dbprovision_instance_healthy")
            .help("1 when the last health check of the DatabaseInstance passed, else 0")
            .labelNames("namespace", "instance", "engine")
            .register(registry);
    connectionLatency =
        Gauge.builder()
            .name("dbprovision_connection_latency_seconds")
            .help("Round trip of the last health check of the DatabaseInstance")
            .labelNames("namespace", "instance", "engine")
            .register(registry);
    resources =
        Gauge.builder()
            .name("dbprovision_resources")
            .help("Resources managed by the operator, by kind, namespace and phase")
            .labelNames("kind", "namespace", "phase")
            .register(registry);
    databaseSize =
        Gauge.builder()
            .name("dbprovision_database_size_bytes")
            .help("Size of the database on its server, by Database resource")
            .labelNames("namespace", "database")
            .register(registry);
    operations =
        Counter.builder()
            .name("dbprovision_operations_total")
            .help("Operations on database servers, by kind, operation, engine and result")
            .labelNames("kind", "operation", "engine", "result")
            .register(registry);
    events =
        Counter.builder()
            .name("dbprovision_operator_events_total")
            .help("Events recorded by the operator, by what became of them")
            .labelNames("kind", "reason", "type", "outcome")
            .register(registry);
    scheduleNextRun =
        Gauge.builder()
            .name("dbprovision_schedule_next_run_timestamp_seconds")
            .help("When the backup schedule will next trigger (Unix time); absent while it cannot")
            .labelNames("namespace", "schedule")
            .register(registry);
    backupLastSuccess =
        Gauge.builder()
            .name("dbprovision_backup_last_success_timestamp_seconds")
            .help("When the last backup of the Database completed (Unix time)")
            .labelNames("namespace", "database")
            .register(registry);
    backupSize =
        Gauge.builder()
            .name("dbprovision_backup_size_bytes")
            .help("Bytes stored for the DatabaseBackup, after compression and encryption")
            .labelNames("namespace", "backup")
            .register(registry);
    backupDuration =
        Gauge.builder()
            .name("dbprovision_backup_duration_seconds")
            .help("How long the last successful backup of the Database took")
            .labelNames("namespace", "database")
            .register(registry);
    restoreDuration =
        Gauge.builder()
            .name("dbprovision_restore_duration_seconds")
            .help("How long the last successful restore into the database took")
            .labelNames("namespace", "database")
            .register(registry);
    // Counters start at zero for every kind and catalog row, so that rate() and increase() see
    // the first occurrence and alerts on errors have a series to evaluate from the start.
    for (ResourceKind kind : ResourceKind.values()) {
      for (ReconcileResult result : ReconcileResult.values()) {
        reconciles.labelValues(kind.kind(), result.label());
      }
      reconcileErrors.labelValues(kind.kind());
    }
    for (CatalogEvent event : CatalogEvent.values()) {
      for (EventOutcome outcome : EventOutcome.values()) {
        eventLabels(event, outcome);
      }
    }
  }

  /** A reconcile of one object ended; errors also count in {@code reconcile_errors_total}. */
  public void reconcileFinished(ResourceKind kind, ReconcileResult result, Duration duration) {
    reconciles.labelValues(kind.kind(), result.label()).inc();
    if (result == ReconcileResult.ERROR) {
      reconcileErrors.labelValues(kind.kind()).inc();
    }
    reconcileDuration.labelValues(kind.kind()).observe(seconds(duration));
  }

  /** The outcome of a drift check: whether the server differs from the object's spec. */
  public synchronized void driftDetected(
      ResourceKind kind, String namespace, String name, boolean drifted) {
    drift.labelValues(kind.kind(), namespace, name).set(drifted ? 1 : 0);
  }

  /** The outcome of a DatabaseInstance health check and how long its round trip took. */
  public synchronized void instanceHealth(
      String namespace, String instance, Engine engine, boolean healthy, Duration latency) {
    ObjectKey key = new ObjectKey(ResourceKind.DATABASE_INSTANCE, namespace, instance);
    Engine before = instanceEngines.put(key, engine);
    if (before != null && before != engine) {
      removeInstanceSeries(namespace, instance, before);
    }
    instanceHealthy.labelValues(namespace, instance, engine.name()).set(healthy ? 1 : 0);
    connectionLatency.labelValues(namespace, instance, engine.name()).set(seconds(latency));
  }

  /**
   * The phase an object is in now (its status enum constant, e.g. {@code
   * DatabaseStatus.Phase.Ready}); {@code dbprovision_resources} counts objects per phase.
   */
  public synchronized void resourcePhase(
      ResourceKind kind, String namespace, String name, Enum<?> status) {
    String phase = Objects.requireNonNull(status, "phase").name();
    ObjectKey key = new ObjectKey(kind, namespace, name);
    String before = phases.put(key, phase);
    if (phase.equals(before)) {
      return;
    }
    if (before != null) {
      changeCount(new PhaseKey(kind, namespace, before), -1);
    }
    changeCount(new PhaseKey(kind, namespace, phase), +1);
  }

  /** The size of a Database resource's database on its server. */
  public synchronized void databaseSize(String namespace, String database, long bytes) {
    databaseSize.labelValues(namespace, database).set(bytes);
  }

  /** One operation on a database server, such as {@code create}, {@code drop} or {@code grant}. */
  public void operation(
      ResourceKind kind, String operation, Engine engine, OperationResult result) {
    operations.labelValues(kind.kind(), operation, engine.name(), result.label()).inc();
  }

  /**
   * When a DatabaseBackupSchedule triggers next; empty removes the series (paused, invalid, or
   * never firing again), so that only schedules that will fire are watched for being overdue.
   */
  public synchronized void scheduleNextRun(
      String namespace, String schedule, Optional<Instant> next) {
    if (next.isPresent()) {
      scheduleNextRun.labelValues(namespace, schedule).set(next.get().toEpochMilli() / 1000.0);
    } else {
      scheduleNextRun.remove(namespace, schedule);
    }
  }

  /**
   * A DatabaseBackup of the Database {@code database} completed: its stored size, and the
   * Database's last success and duration.
   */
  public synchronized void backupCompleted(
      String namespace,
      String database,
      String backup,
      long storedBytes,
      Instant completedAt,
      Duration duration) {
    backupSize.labelValues(namespace, backup).set(storedBytes);
    backupLastSuccess.labelValues(namespace, database).set(completedAt.toEpochMilli() / 1000.0);
    backupDuration.labelValues(namespace, database).set(seconds(duration));
  }

  /** A restore into the database {@code database} (its name on the server) completed. */
  public synchronized void restoreCompleted(String namespace, String database, Duration duration) {
    restoreDuration.labelValues(namespace, database).set(seconds(duration));
  }

  /** What became of a recorded event (the recorder calls this). */
  public void eventRecorded(CatalogEvent event, EventOutcome outcome) {
    eventLabels(event, outcome).inc();
  }

  /** The object was deleted: remove its series and take it out of the phase counts. */
  public synchronized void resourceGone(ResourceKind kind, String namespace, String name) {
    ObjectKey key = new ObjectKey(kind, namespace, name);
    String phase = phases.remove(key);
    if (phase != null) {
      changeCount(new PhaseKey(kind, namespace, phase), -1);
    }
    drift.remove(kind.kind(), namespace, name);
    if (kind == ResourceKind.DATABASE_INSTANCE) {
      Engine engine = instanceEngines.remove(key);
      if (engine != null) {
        removeInstanceSeries(namespace, name, engine);
      }
    }
    if (kind == ResourceKind.DATABASE) {
      databaseSize.remove(namespace, name);
      backupLastSuccess.remove(namespace, name);
      backupDuration.remove(namespace, name);
    }
    if (kind == ResourceKind.DATABASE_BACKUP) {
      backupSize.remove(namespace, name);
    }
    if (kind == ResourceKind.DATABASE_BACKUP_SCHEDULE) {
      scheduleNextRun.remove(namespace, name);
    }
  }

  private io.prometheus.metrics.core.datapoints.CounterDataPoint eventLabels(
      CatalogEvent event, EventOutcome outcome) {
    return events.labelValues(
        event.kind().kind(), event.reason(), event.type().name(), outcome.label());
  }

  private void removeInstanceSeries(String namespace, String instance, Engine engine) {
    instanceHealthy.remove(namespace, instance, engine.name());
    connectionLatency.remove(namespace, instance, engine.name());
  }

  private void changeCount(PhaseKey key, int delta) {
    int count = phaseCounts.getOrDefault(key, 0) + delta;
    if (count <= 0) {
      phaseCounts.remove(key);
      resources.remove(key.kind.kind(), key.namespace, key.phase);
    } else {
      phaseCounts.put(key, count);
      resources.labelValues(key.kind.kind(), key.namespace, key.phase).set(count);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private record ObjectKey(ResourceKind kind, String namespace, String name) {}

  private record PhaseKey(ResourceKind kind, String namespace, String phase) {}
}
