package io.dbprovision.operator.reconcile;

import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.BackupStorageSpec;
import io.dbprovision.api.v1alpha1.BackupStorageType;
import io.dbprovision.api.v1alpha1.BackupTemplate;
import io.dbprovision.api.v1alpha1.BackupTemplateMetadata;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleSpec;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleStatus;
import io.dbprovision.api.v1alpha1.DatabaseBackupSpec;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.PvcStorageSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.operator.testing.ShiftedClock;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The schedule reconciler alone (the backups it creates are not run: tests write their status, as
 * the backup reconciler would) on the mock API server, with a clock the test sets. The clock keeps
 * running from where it is set, so the reconciler's real-time reschedules meet the times it reads.
 */
final class ScheduleOnMock implements AutoCloseable {
  static final String KIND = "DatabaseBackupSchedule";

  final ShiftedClock clock;
  final OperatorOnMock operator;
  private final Instant firstCreateAt;
  private boolean created;

  /**
   * The operator, started; its clock reads {@code firstCreateAt} when the test creates its first
   * schedule (not before: a slow start must not eat into the seconds before a due time).
   */
  ScheduleOnMock(MockKubernetes kubernetes, String hint, String firstCreateAt) {
    this.firstCreateAt = Instant.parse(firstCreateAt);
    this.clock = ShiftedClock.at(firstCreateAt);
    this.operator =
        new OperatorOnMock(
            kubernetes,
            hint,
            Map.of(),
            clock,
            services -> List.of(new DatabaseBackupScheduleReconciler(services)));
  }

  /**
   * A schedule of backups of the Database {@code orders} to a PVC, with deletion protection off.
   */
  static DatabaseBackupSchedule schedule(String name, String cron) {
    DatabaseBackupSchedule schedule = new DatabaseBackupSchedule();
    schedule.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseBackupScheduleSpec spec = new DatabaseBackupScheduleSpec();
    spec.setSchedule(cron);
    spec.setDeletionProtection(false);
    BackupTemplate template = new BackupTemplate();
    BackupTemplateMetadata metadata = new BackupTemplateMetadata();
    metadata.setLabels(Map.of("team", "billing"));
    template.setMetadata(metadata);
    DatabaseBackupSpec backup = new DatabaseBackupSpec();
    ResourceRef database = new ResourceRef();
    database.setName("orders");
    backup.setDatabaseRef(database);
    BackupStorageSpec storage = new BackupStorageSpec();
    storage.setType(BackupStorageType.pvc);
    PvcStorageSpec pvc = new PvcStorageSpec();
    pvc.setClaimName("backups");
    storage.setPvc(pvc);
    backup.setStorage(storage);
    template.setSpec(backup);
    spec.setTemplate(template);
    schedule.setSpec(spec);
    return schedule;
  }

  DatabaseBackupSchedule create(DatabaseBackupSchedule schedule) {
    if (!created) {
      clock.set(firstCreateAt);
      created = true;
    }
    return operator.create(schedule);
  }

  DatabaseBackupSchedule get(String name) {
    return operator.get(DatabaseBackupSchedule.class, name);
  }

  DatabaseBackupScheduleStatus status(String name) {
    DatabaseBackupSchedule schedule = get(name);
    return schedule == null || schedule.getStatus() == null
        ? new DatabaseBackupScheduleStatus()
        : schedule.getStatus();
  }

  /** Changes the spec (a new generation) and waits until the reconciler has seen it. */
  void edit(String name, Consumer<DatabaseBackupScheduleSpec> change) {
    DatabaseBackupSchedule edited =
        operator
            .client
            .resources(DatabaseBackupSchedule.class)
            .inNamespace(operator.namespace)
            .withName(name)
            .edit(
                s -> {
                  change.accept(s.getSpec());
                  return s;
                });
    Long generation = edited.getMetadata().getGeneration();
    await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(() -> generation.equals(status(name).getObservedGeneration()));
  }

  /** Waits until the schedule's status satisfies {@code condition}. */
  DatabaseBackupScheduleStatus awaitStatus(
      String name, Predicate<DatabaseBackupScheduleStatus> condition) {
    return await().atMost(OperatorOnMock.PATIENCE).until(() -> status(name), condition::test);
  }

  DatabaseBackupScheduleStatus awaitNextBackupTime(String name, String time) {
    return awaitStatus(name, s -> time.equals(s.getNextBackupTime()));
  }

  List<DatabaseBackup> backups() {
    return operator
        .client
        .resources(DatabaseBackup.class)
        .inNamespace(operator.namespace)
        .list()
        .getItems();
  }

  List<String> backupNames() {
    return backups().stream().map(b -> b.getMetadata().getName()).sorted().toList();
  }

  DatabaseBackup awaitBackup(String name) {
    return await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(() -> operator.get(DatabaseBackup.class, name), b -> b != null);
  }

  /** Writes a backup's status as the backup reconciler would. */
  void backupStatus(
      String backup, DatabaseBackupStatus.Phase phase, String startedAt, String completedAt) {
    operator
        .client
        .resources(DatabaseBackup.class)
        .inNamespace(operator.namespace)
        .withName(backup)
        .editStatus(
            b -> {
              DatabaseBackupStatus status = new DatabaseBackupStatus();
              status.setPhase(phase);
              status.setStartedAt(startedAt);
              status.setCompletedAt(completedAt);
              b.setStatus(status);
              return b;
            });
  }

  Event awaitEvent(String schedule, String reason) {
    return operator.awaitEvent(KIND, schedule, reason);
  }

  List<Event> events(String schedule, String reason) {
    return operator.events().stream()
        .filter(e -> OperatorOnMock.matches(e, KIND, schedule, reason))
        .toList();
  }

  /** The next-run gauge of a schedule, scraped over HTTP. */
  Optional<Double> nextRunGauge(String schedule) {
    return scrape()
        .value(
            "dbprovision_schedule_next_run_timestamp_seconds",
            "namespace",
            operator.namespace,
            "schedule",
            schedule);
  }

  Scrape scrape() {
    return Scrape.of(Http.get(operator.process.metricsPort(), "/metrics").body());
  }

  static double epochSeconds(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  @Override
  public void close() {
    operator.close();
  }
}
