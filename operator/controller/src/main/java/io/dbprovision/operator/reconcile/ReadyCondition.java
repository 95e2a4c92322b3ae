package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code Ready} condition in the Kubernetes shape. {@code lastTransitionTime} moves only when
 * the status flips, so a pass that confirms the same state leaves the status unchanged (and
 * unpatched).
 */
final class ReadyCondition {
  static final String TYPE = "Ready";

  private ReadyCondition() {}

  static void set(
      ResourceStatus status,
      boolean ready,
      String reason,
      String message,
      Long generation,
      Instant now) {
    List<Condition> conditions =
        status.getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getConditions());
    String value = ready ? "True" : "False";
    Condition existing =
        conditions.stream().filter(c -> TYPE.equals(c.getType())).findFirst().orElse(null);
    String transition =
        existing != null && value.equals(existing.getStatus())
            ? existing.getLastTransitionTime()
            : now.toString();
    Condition updated =
        new ConditionBuilder()
            .withType(TYPE)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition)
            .build();
    if (existing != null) {
      conditions.set(conditions.indexOf(existing), updated);
    } else {
      conditions.add(updated);
    }
    status.setConditions(conditions);
    status.setMessage(message);
    status.setObservedGeneration(generation);
  }

  static boolean isReady(ResourceStatus status) {
    return status != null
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(c -> TYPE.equals(c.getType()) && Objects.equals("True", c.getStatus()));
  }
}
