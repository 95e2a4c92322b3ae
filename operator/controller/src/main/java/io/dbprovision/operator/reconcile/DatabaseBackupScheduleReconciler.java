package io.dbprovision.operator.reconcile;

import static io.dbprovision.api.events.CatalogEvent.SCHEDULE_BACKUP_TRIGGERED;
import static io.dbprovision.api.events.CatalogEvent.SCHEDULE_DELETION_BLOCKED;
import static io.dbprovision.api.events.CatalogEvent.SCHEDULE_PAUSED;
import static io.dbprovision.api.events.CatalogEvent.SCHEDULE_RECONCILE_FAILED;
import static io.dbprovision.api.events.CatalogEvent.SCHEDULE_RESUMED;
import static io.dbprovision.api.events.CatalogEvent.SCHEDULE_RETENTION_APPLIED;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleSpec;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleStatus;
import io.dbprovision.api.v1alpha1.DatabaseBackupScheduleStatus.Phase;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.ScheduledBackupInfo;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.backup.schedule.ConcurrencyDecision;
import io.dbprovision.operator.backup.schedule.CronSchedule;
import io.dbprovision.operator.backup.schedule.RetainedBackup;
import io.dbprovision.operator.backup.schedule.Retention;
import io.dbprovision.operator.backup.schedule.ScheduleTimer;
import io.dbprovision.operator.backup.schedule.ScheduledBackups;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers a DatabaseBackup from the template at each due time of the cron schedule, applies the
 * concurrency policy and retention, and reports the next due time, the last backup and statistics.
 *
 * <p>The schedule keeps its place in {@code status.nextBackupTime}: a pass that finds that time
 * reached triggers (slots missed while the operator was down collapse into one), then waits for the
 * next slot by rescheduling itself for exactly that moment. A new schedule, a resumed one and one
 * whose spec changed start counting at that pass, so a new schedule fires at its first due time and
 * a resumed one does not make up for slots passed while it was paused. A run skipped under {@code
 * Forbid} is skipped for good. Pausing stops triggers, not retention. Backups are watched (by
 * label, mapped back through their owner reference), so a backup that finishes updates the status
 * and retention at once.
 */
@ControllerConfiguration(name = "databasebackupschedule")
public final class DatabaseBackupScheduleReconciler
    implements Reconciler<DatabaseBackupSchedule>, Cleaner<DatabaseBackupSchedule> {
  private static final Logger log = LoggerFactory.getLogger(DatabaseBackupScheduleReconciler.class);

  /** The longest wait between passes: a wall clock that was stepped is noticed within it. */
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  private final OperatorServices services;
  private final PassMetrics passes;
  private final DeletionGuard deletion;
  private final Failures failures;

  public DatabaseBackupScheduleReconciler(OperatorServices services) {
    this.services = services;
    this.passes = new PassMetrics(services, ResourceKind.DATABASE_BACKUP_SCHEDULE);
    this.deletion = new DeletionGuard(services.client());
    this.failures = new Failures(services.events(), services.clock());
  }

  @Override
  public List<EventSource<?, DatabaseBackupSchedule>> prepareEventSources(
      EventSourceContext<DatabaseBackupSchedule> context) {
    InformerEventSourceConfiguration<DatabaseBackup> backups =
        InformerEventSourceConfiguration.from(DatabaseBackup.class, DatabaseBackupSchedule.class)
            .withLabelSelector(ScheduledBackupTemplate.SCHEDULED_LABEL + "=true")
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(DatabaseBackupSchedule.class))
            .build();
    return List.of(new InformerEventSource<>(backups, context));
  }

  @Override
  public UpdateControl<DatabaseBackupSchedule> reconcile(
      DatabaseBackupSchedule schedule, Context<DatabaseBackupSchedule> context) {
    Instant started = services.clock().instant();
    StatusPatch<DatabaseBackupSchedule> patch =
        StatusPatch.of(schedule, DatabaseBackupSchedule::getStatus);
    DatabaseBackupScheduleStatus status = statusOf(schedule);
    DatabaseBackupScheduleSpec spec = schedule.getSpec();
    CronSchedule cron;
    Retention retention;
    try {
      cron = CronSchedule.parse(spec.getSchedule(), spec.getTimezone());
      retention = Retention.of(spec.getRetention());
      if (spec.getTemplate() == null || spec.getTemplate().getSpec() == null) {
        throw new IllegalArgumentException("spec.template.spec is missing: nothing to back up");
      }
    } catch (IllegalArgumentException e) {
      return invalid(schedule, context, status, patch, started, e.getMessage());
    }
    ScheduledBackups backups =
        ScheduledBackups.of(context.getSecondaryResources(DatabaseBackup.class));
    Pass pass = new Pass(schedule, status, backups);
    try {
      if (Boolean.TRUE.equals(spec.getPaused())) {
        pass.pause();
      } else {
        pass.run(cron);
      }
      pass.prune(retention, cron);
    } catch (KubernetesClientException e) {
      return failed(schedule, context, status, patch, started, pass.operation, e);
    }
    pass.report();
    finish(schedule, status, started, ReconcileResult.SUCCESS);
    write(schedule, context, patch);
    UpdateControl<DatabaseBackupSchedule> control = UpdateControl.noUpdate();
    Optional<Instant> next = nextBackupTime(status);
    return next.isEmpty()
        ? control
        : control.rescheduleAfter(untilDue(services.clock().instant(), next.get()));
  }

  /**
   * Writes the status when it changed, and caches what was written: the status is where the
   * schedule keeps its place (nextBackupTime, lastBackup), so the next pass, which a new backup's
   * event can start at once, must not read an older one from the informer. The write replaces the
   * whole status (so cleared fields go) under optimistic locking; JOSDK retries on a conflict with
   * the fresher resource.
   */
  private static void write(
      DatabaseBackupSchedule schedule,
      Context<DatabaseBackupSchedule> context,
      StatusPatch<DatabaseBackupSchedule> patch) {
    if (!patch.changed(schedule)) {
      return;
    }
    DatabaseBackupScheduleStatus computed = schedule.getStatus();
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
        schedule,
        context,
        fresh -> {
          fresh.setStatus(computed);
          return fresh;
        });
  }

  /** What one pass does, in order: trigger or pause, prune, then report. */
  private final class Pass {
    private final DatabaseBackupSchedule schedule;
    private final DatabaseBackupScheduleStatus status;
    private final Instant now = services.clock().instant();
    private ScheduledBackups backups;
    private String note = "";

    /** What the pass was doing, for the ReconcileFailed message. */
    private String operation = "evaluate schedule";

    Pass(
        DatabaseBackupSchedule schedule,
        DatabaseBackupScheduleStatus status,
        ScheduledBackups backups) {
      this.schedule = schedule;
      this.status = status;
      this.backups = backups;
    }

    void pause() {
      if (status.getPhase() != Phase.Paused) {
        record(
            SCHEDULE_PAUSED,
            "Backup schedule paused: no backups are triggered until spec.paused is false");
      }
      status.setPhase(Phase.Paused);
      status.setNextBackupTime(null);
    }

    void run(CronSchedule cron) {
      boolean resumed = status.getPhase() == Phase.Paused;
      ScheduleTimer.Evaluation evaluation =
          waitingFor(schedule, status)
              .map(slot -> ScheduleTimer.waitingFor(cron, slot, now))
              .orElseGet(() -> ScheduleTimer.evaluate(cron, now, now));
      if (evaluation.due()) {
        trigger(evaluation.scheduledFor().orElseThrow());
      }
      status.setPhase(Phase.Active);
      status.setNextBackupTime(evaluation.nextBackupTime().map(Instant::toString).orElse(null));
      if (resumed) {
        record(
            SCHEDULE_RESUMED,
            "Backup schedule resumed; next backup at "
                + evaluation.nextBackupTime().map(Instant::toString).orElse("never"));
      }
    }

    private void trigger(Instant slot) {
      operation = "trigger backup";
      DatabaseBackup backup = ScheduledBackupTemplate.backupFor(schedule, slot);
      String name = backup.getMetadata().getName();
      if (backups.named(name).isPresent()) {
        return; // triggered already (by a pass whose status write did not land); nothing new
      }
      ConcurrencyDecision decision =
          ConcurrencyDecision.decide(schedule.getSpec().getConcurrencyPolicy(), backups.running());
      if (decision.action() == ConcurrencyDecision.Action.SKIP) {
        note =
            "; skipped the backup due at "
                + slot
                + " because "
                + String.join(", ", backups.running())
                + " is still running (concurrencyPolicy Forbid)";
        log.info(
            "Schedule {}/{}{}",
            schedule.getMetadata().getNamespace(),
            schedule.getMetadata().getName(),
            note);
        return;
      }
      for (String running : decision.toDelete()) {
        delete(running);
      }
      backups = backups.minus(decision.toDelete());
      if (!create(backup)) {
        return; // as above, seen by the API server before our cache
      }
      record(
          SCHEDULE_BACKUP_TRIGGERED,
          "Scheduled backup "
              + name
              + " triggered for "
              + slot
              + (decision.toDelete().isEmpty()
                  ? ""
                  : " (replaced running " + String.join(", ", decision.toDelete()) + ")"));
      backups = backups.plus(backup);
      ScheduledBackupInfo last = new ScheduledBackupInfo();
      last.setName(name);
      last.setStatus(DatabaseBackupStatus.Phase.Pending.name());
      last.setStartedAt(now.truncatedTo(ChronoUnit.SECONDS).toString());
      status.setLastBackup(last);
    }

    void prune(Retention retention, CronSchedule cron) {
      List<RetainedBackup> completed = backups.completed();
      List<RetainedBackup> doomed = retention.apply(completed, cron.zone()).delete();
      if (doomed.isEmpty()) {
        return;
      }
      operation = "apply retention";
      List<String> deleted = new ArrayList<>();
      for (RetainedBackup backup : doomed) {
        if (delete(backup.name())) {
          deleted.add(backup.name());
        }
      }
      backups = backups.minus(doomed.stream().map(RetainedBackup::name).toList());
      if (deleted.isEmpty()) {
        return; // a pass that read a backup already deleted by the one before: nothing new
      }
      record(
          SCHEDULE_RETENTION_APPLIED,
          "Retention applied: deleted "
              + deleted.size()
              + " of "
              + completed.size()
              + " completed backups, kept "
              + (completed.size() - deleted.size())
              + "; deleted "
              + String.join(", ", deleted));
    }

    /** Status from the backups as they are after this pass. */
    void report() {
      DatabaseBackupScheduleSpec spec = schedule.getSpec();
      status.setStatistics(backups.statistics());
      status.setRecentBackups(
          backups.recent(
              orZero(spec.getSuccessfulBackupsHistoryLimit()),
              orZero(spec.getFailedBackupsHistoryLimit())));
      ScheduledBackupInfo last = status.getLastBackup();
      if (last != null && last.getName() != null) {
        backups
            .named(last.getName())
            .map(DatabaseBackup::getStatus)
            .ifPresent(
                observed -> {
                  if (observed.getPhase() != null) {
                    last.setStatus(observed.getPhase().name());
                  }
                  last.setCompletedAt(observed.getCompletedAt());
                });
      }
      Optional<Instant> next = nextBackupTime(status);
      services
          .metrics()
          .scheduleNextRun(
              schedule.getMetadata().getNamespace(), schedule.getMetadata().getName(), next);
      boolean paused = status.getPhase() == Phase.Paused;
      ReadyCondition.set(
          status,
          true,
          paused ? "Paused" : "Active",
          (paused
                  ? "Schedule is paused"
                  : "Schedule is active; next backup at "
                      + next.map(Instant::toString).orElse("never"))
              + note,
          schedule.getMetadata().getGeneration(),
          services.clock().instant());
    }

    /** Creates the backup; false when this slot's backup exists already. */
    private boolean create(DatabaseBackup backup) {
      try {
        services.client().resource(backup).create();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
          return false;
        }
        throw e;
      }
    }

    /** Deletes a backup; false when it was gone already (no failure: the end is the same). */
    private boolean delete(String backup) {
      return !services
          .client()
          .resources(DatabaseBackup.class)
          .inNamespace(schedule.getMetadata().getNamespace())
          .withName(backup)
          .delete()
          .isEmpty();
    }

    private void record(CatalogEvent row, String message) {
      services.events().record(schedule, row, message);
    }
  }

  @Override
  public ErrorStatusUpdateControl<DatabaseBackupSchedule> updateErrorStatus(
      DatabaseBackupSchedule schedule, Context<DatabaseBackupSchedule> context, Exception e) {
    // The phase and nextBackupTime stay as they were, so the slot that failed is tried again by
    // the retry.
    return failures.persist(schedule, statusOf(schedule), () -> {}, e);
  }

  @Override
  public DeleteControl cleanup(
      DatabaseBackupSchedule schedule, Context<DatabaseBackupSchedule> context) {
    Optional<String> blocked =
        deletion.blocked(
            schedule, !Boolean.FALSE.equals(schedule.getSpec().getDeletionProtection()));
    String namespace = schedule.getMetadata().getNamespace();
    String name = schedule.getMetadata().getName();
    if (blocked.isPresent()) {
      services.events().record(schedule, SCHEDULE_DELETION_BLOCKED, blocked.get());
      StatusPatch<DatabaseBackupSchedule> patch =
          StatusPatch.of(schedule, DatabaseBackupSchedule::getStatus);
      DatabaseBackupScheduleStatus status = statusOf(schedule);
      // A schedule being deleted triggers nothing more, blocked or not: say so, and drop the
      // next-run series so that it does not read as overdue.
      status.setPhase(Phase.Failed);
      status.setNextBackupTime(null);
      ReadyCondition.set(
          status,
          false,
          DeletionStatus.REASON,
          blocked.get(),
          schedule.getMetadata().getGeneration(),
          services.clock().instant());
      write(schedule, context, patch);
      services.metrics().scheduleNextRun(namespace, name, Optional.empty());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(ParentInstance.RECHECK);
    }
    // The backups it created go with it through their owner reference (garbage collection).
    passes.gone(schedule);
    return DeleteControl.defaultDelete();
  }

  /**
   * A spec that cannot be evaluated: one Warning per generation, phase Failed, no next time and no
   * reschedule; the next attempt comes with a corrected spec.
   */
  private UpdateControl<DatabaseBackupSchedule> invalid(
      DatabaseBackupSchedule schedule,
      Context<DatabaseBackupSchedule> context,
      DatabaseBackupScheduleStatus status,
      StatusPatch<DatabaseBackupSchedule> patch,
      Instant started,
      String problem) {
    String message = "Failed to evaluate schedule: " + problem;
    boolean reported =
        status.getPhase() == Phase.Failed
            && message.equals(status.getMessage())
            && Objects.equals(
                status.getObservedGeneration(), schedule.getMetadata().getGeneration());
    if (!reported) {
      failures.reportInvalidSpec(schedule, status, SCHEDULE_RECONCILE_FAILED, message);
    }
    status.setPhase(Phase.Failed);
    status.setNextBackupTime(null);
    services
        .metrics()
        .scheduleNextRun(
            schedule.getMetadata().getNamespace(),
            schedule.getMetadata().getName(),
            Optional.empty());
    finish(schedule, status, started, ReconcileResult.ERROR);
    write(schedule, context, patch);
    return UpdateControl.noUpdate();
  }

  /**
   * The API server refused or failed a create or delete: one Warning; a refusal of what the
   * template asks for is permanent (Failed until the spec changes), anything else is retried by
   * JOSDK with backoff.
   */
  private UpdateControl<DatabaseBackupSchedule> failed(
      DatabaseBackupSchedule schedule,
      Context<DatabaseBackupSchedule> context,
      DatabaseBackupScheduleStatus status,
      StatusPatch<DatabaseBackupSchedule> patch,
      Instant started,
      String operation,
      KubernetesClientException e) {
    finish(schedule, status, started, ReconcileResult.ERROR);
    String message = "Failed to " + operation + ": " + apiMessage(e);
    int code = e.getCode();
    if (code == HttpURLConnection.HTTP_BAD_REQUEST || code == 422) {
      failures.reportInvalidSpec(schedule, status, SCHEDULE_RECONCILE_FAILED, message);
      status.setPhase(Phase.Failed);
      status.setNextBackupTime(null);
      write(schedule, context, patch);
      return UpdateControl.noUpdate();
    }
    services.events().record(schedule, SCHEDULE_RECONCILE_FAILED, message);
    throw new KubernetesClientException(operation + ": " + apiMessage(e), e);
  }

  private static String apiMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }

  private void finish(
      DatabaseBackupSchedule schedule,
      DatabaseBackupScheduleStatus status,
      Instant started,
      ReconcileResult result) {
    passes.finished(schedule, status.getPhase(), started, result);
  }

  /**
   * The slot an active schedule reported last and still waits for. Absent for a new, resumed,
   * failed or changed schedule, which starts counting anew.
   */
  private static Optional<Instant> waitingFor(
      DatabaseBackupSchedule schedule, DatabaseBackupScheduleStatus status) {
    if (!Objects.equals(status.getObservedGeneration(), schedule.getMetadata().getGeneration())) {
      return Optional.empty();
    }
    return nextBackupTime(status);
  }

  private static Optional<Instant> nextBackupTime(DatabaseBackupScheduleStatus status) {
    return status.getNextBackupTime() == null
        ? Optional.empty()
        : Optional.of(Instant.parse(status.getNextBackupTime()));
  }

  /**
   * How long to wait for {@code next}: rounded up to whole milliseconds (JOSDK's timer unit) so
   * that the pass never comes before the slot, and at most {@link #LONGEST_WAIT}.
   */
  static Duration untilDue(Instant now, Instant next) {
    Duration wait = Duration.between(now, next);
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    Duration rounded = Duration.ofMillis(wait.plusNanos(999_999).toMillis());
    return rounded.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : rounded;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static DatabaseBackupScheduleStatus statusOf(DatabaseBackupSchedule schedule) {
    if (schedule.getStatus() == null) {
      schedule.setStatus(new DatabaseBackupScheduleStatus());
    }
    return schedule.getStatus();
  }
}
