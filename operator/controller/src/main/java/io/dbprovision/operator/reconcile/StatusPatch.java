package io.dbprovision.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;
import java.util.function.Function;

/**
 * Patches status only when it changed: a pass that confirms what the status already says writes
 * nothing, so idle resources cost the API server nothing.
 */
final class StatusPatch<R extends HasMetadata> {
  private final Function<R, Object> status;
  private final String before;

  private StatusPatch(R resource, Function<R, Object> status) {
    this.status = status;
    this.before = json(status.apply(resource));
  }

  /** Remembers the status as it was read, before the reconciler changes it. */
  static <R extends HasMetadata> StatusPatch<R> of(R resource, Function<R, Object> status) {
    return new StatusPatch<>(resource, status);
  }

  UpdateControl<R> control(R resource) {
    return changed(resource) ? UpdateControl.patchStatus(resource) : UpdateControl.noUpdate();
  }

  boolean changed(R resource) {
    return !Objects.equals(before, json(status.apply(resource)));
  }

  private static String json(Object status) {
    return status == null ? null : Serialization.asJson(status);
  }
}
