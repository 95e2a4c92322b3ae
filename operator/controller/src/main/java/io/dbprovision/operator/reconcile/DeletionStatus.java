package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.OperatorServices;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Objects;

/**
 * Status while a deletion is refused. JOSDK's cleanup cannot patch status through its return value,
 * so this writes it directly, and only when it changed.
 */
final class DeletionStatus {
  static final String REASON = "DeletionBlocked";

  private DeletionStatus() {}

  /**
   * Sets Ready=False with the reason for the refusal and patches; {@code markFailed} sets the
   * kind's Failed phase first.
   */
  static void block(
      OperatorServices services,
      HasMetadata resource,
      ResourceStatus status,
      Runnable markFailed,
      String message) {
    String before = Serialization.asJson(status);
    markFailed.run();
    ReadyCondition.set(
        status,
        false,
        REASON,
        message,
        resource.getMetadata().getGeneration(),
        services.clock().instant());
    if (!Objects.equals(before, Serialization.asJson(status))) {
      services.client().resource(resource).patchStatus();
    }
  }
}
