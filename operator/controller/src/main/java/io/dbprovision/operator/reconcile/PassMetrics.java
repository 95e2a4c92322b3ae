package io.dbprovision.operator.reconcile;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.operator.OperatorServices;
import io.dbprovision.operator.metrics.OperatorMetrics.ReconcileResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;

/**
 * What every reconciler reports about its kind when a pass ends (the object's phase, the pass's
 * result and duration) and when an object is gone (its series removed), so the metrics mean the
 * same for all eight kinds.
 */
final class PassMetrics {
  private final OperatorServices services;
  private final ResourceKind kind;

  PassMetrics(OperatorServices services, ResourceKind kind) {
    this.services = services;
    this.kind = kind;
  }

  /** A pass over {@code resource} that began at {@code started} ended with {@code result}. */
  void finished(HasMetadata resource, Enum<?> phase, Instant started, ReconcileResult result) {
    if (phase != null) {
      services
          .metrics()
          .resourcePhase(
              kind, resource.getMetadata().getNamespace(), resource.getMetadata().getName(), phase);
    }
    services
        .metrics()
        .reconcileFinished(kind, result, Duration.between(started, services.clock().instant()));
  }

  /** {@code resource} is gone: its series go with it. */
  void gone(HasMetadata resource) {
    services
        .metrics()
        .resourceGone(
            kind, resource.getMetadata().getNamespace(), resource.getMetadata().getName());
  }
}
