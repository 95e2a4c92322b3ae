package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;

/**
 * The DatabaseInstance a child refers to. A child whose instance is missing or not Ready waits in
 * Pending with the reason and looks again after {@link #RECHECK}; it does not fail.
 */
final class ParentInstance {
  static final Duration RECHECK = Duration.ofSeconds(10);

  sealed interface Resolution permits Available, Waiting {}

  record Available(DatabaseInstance instance, DatabaseEngine engine) implements Resolution {}

  record Waiting(String reason, String message) implements Resolution {
    static final String INSTANCE_NOT_FOUND = "InstanceNotFound";

    boolean instanceMissing() {
      return INSTANCE_NOT_FOUND.equals(reason);
    }

    /** Ready=False with why the child waits (the caller sets its kind's Pending phase). */
    void report(ResourceStatus status, Long generation, Instant now) {
      ReadyCondition.set(status, false, reason, message, generation, now);
    }
  }

  private final KubernetesClient client;
  private final InstanceConnections connections;

  ParentInstance(KubernetesClient client, InstanceConnections connections) {
    this.client = client;
    this.connections = connections;
  }

  Resolution resolve(String childNamespace, ResourceRef ref) throws EngineException {
    String namespace =
        ref.getNamespace() == null || ref.getNamespace().isEmpty()
            ? childNamespace
            : ref.getNamespace();
    DatabaseInstance instance =
        client
            .resources(DatabaseInstance.class)
            .inNamespace(namespace)
            .withName(ref.getName())
            .get();
    if (instance == null) {
      return new Waiting(
          Waiting.INSTANCE_NOT_FOUND,
          "Waiting for DatabaseInstance " + namespace + "/" + ref.getName() + " to exist");
    }
    DatabaseInstanceStatus status = instance.getStatus();
    if (status == null || status.getPhase() != DatabaseInstanceStatus.Phase.Ready) {
      return new Waiting(
          "InstanceNotReady",
          "Waiting for DatabaseInstance " + namespace + "/" + ref.getName() + " to be Ready");
    }
    return new Available(instance, connections.engineFor(instance));
  }
}
