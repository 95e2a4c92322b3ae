package io.dbprovision.operator.reconcile;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.PermissionDeniedException;
import io.dbprovision.operator.events.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import java.time.Clock;

/**
 * Turns an engine failure into exactly one Warning and the status that goes with it. Permanent
 * failures (invalid spec, permission denied) mark the resource Failed and are not retried: the
 * reconcilers react to spec changes only, so the next attempt comes with the next generation.
 * Transient failures come back as a {@link RetryableFailure} for JOSDK's retry with backoff.
 */
final class Failures {
  private final EventRecorder events;
  private final Clock clock;

  Failures(EventRecorder events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * Records the failure under {@code row} (the most specific reason, else the kind's
   * ReconcileFailed) and sets Ready=False. Returns whether it is permanent; when it is not, the
   * caller throws {@link #retry}.
   */
  boolean report(HasMetadata resource, ResourceStatus status, CatalogEvent row, EngineException e) {
    String message = "Failed to " + e.getMessage();
    events.record(resource, row, message);
    String reason =
        !e.isRetryable()
            ? (e instanceof PermissionDeniedException ? "PermissionDenied" : "InvalidSpec")
            : row.reason();
    ReadyCondition.set(
        status, false, reason, message, resource.getMetadata().getGeneration(), clock.instant());
    return !e.isRetryable();
  }

  /**
   * Records a spec the operator cannot act on, found without asking the engine (such as a schedule
   * that is not a cron expression): one Warning under {@code row} and Ready=False/InvalidSpec. Like
   * every permanent failure it waits for the next generation.
   */
  void reportInvalidSpec(
      HasMetadata resource, ResourceStatus status, CatalogEvent row, String message) {
    events.record(resource, row, message);
    ReadyCondition.set(
        status,
        false,
        "InvalidSpec",
        message,
        resource.getMetadata().getGeneration(),
        clock.instant());
  }

  /**
   * The status JOSDK writes when a pass ended in a {@link RetryableFailure}: Ready=False with the
   * failure, after {@code markFailed} sets the kind's Failed phase (a no-op for kinds whose phase
   * stays). The Warning was recorded when the failure happened.
   */
  <R extends HasMetadata> ErrorStatusUpdateControl<R> persist(
      R resource, ResourceStatus status, Runnable markFailed, Exception e) {
    markFailed.run();
    ReadyCondition.set(
        status,
        false,
        "ReconcileFailed",
        "Failed to " + e.getMessage(),
        resource.getMetadata().getGeneration(),
        clock.instant());
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  static RetryableFailure retry(EngineException e) {
    return new RetryableFailure(e);
  }

  /** Thrown to JOSDK so that it retries with backoff; the Warning has been recorded already. */
  static final class RetryableFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryableFailure(EngineException cause) {
      super(cause.getMessage(), cause);
    }

    /**
     * A failure outside the engines (a Kubernetes API call). Only the description travels: the
     * client's exception may quote the request, which can carry credentials.
     */
    RetryableFailure(String message) {
      super(message);
    }
  }
}
