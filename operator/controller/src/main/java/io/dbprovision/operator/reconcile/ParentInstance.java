package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceStatus;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The DatabaseInstance a child refers to. A child whose instance is missing or not Ready waits in
 * Pending with the reason; the instance becoming Ready wakes it (see {@link #trigger}), and it
 * looks again after {@link #RECHECK} in any case. It does not fail.
 *
 * <p>The instance is read from the controller's informer cache and its engine reuses recently read
 * credentials ({@link InstanceConnections#recentEngineFor}), so that a child's pass costs the API
 * server no reads.
 */
final class ParentInstance {
  static final Duration RECHECK = Duration.ofSeconds(10);

  /** The name of every controller's informer on DatabaseInstances. */
  static final String INSTANCES = "instances";

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

  private final CachedLookup<DatabaseInstance> instances;
  private final InstanceConnections connections;

  ParentInstance(KubernetesClient client, InstanceConnections connections) {
    this.instances = new CachedLookup<>(client, DatabaseInstance.class, INSTANCES);
    this.connections = connections;
  }

  /**
   * The informer a controller registers for its children's instances: it wakes the children that
   * {@code reference} says refer to an instance when it becomes Ready or stops being Ready.
   */
  static <P extends HasMetadata> InformerEventSource<DatabaseInstance, P> trigger(
      EventSourceContext<P> context, Function<P, ResourceRef> reference) {
    return ReadinessTrigger.on(context, DatabaseInstance.class, INSTANCES, reference);
  }

  Resolution resolve(Context<?> context, String childNamespace, ResourceRef ref)
      throws EngineException {
    String namespace =
        ref.getNamespace() == null || ref.getNamespace().isEmpty()
            ? childNamespace
            : ref.getNamespace();
    DatabaseInstance instance =
        instances.get(context, namespace, ref.getName(), ParentInstance::isReady).orElse(null);
    if (instance == null) {
      return new Waiting(
          Waiting.INSTANCE_NOT_FOUND,
          "Waiting for DatabaseInstance " + namespace + "/" + ref.getName() + " to exist");
    }
    if (!isReady(instance)) {
      return new Waiting(
          "InstanceNotReady",
          "Waiting for DatabaseInstance " + namespace + "/" + ref.getName() + " to be Ready");
    }
    return new Available(instance, connections.recentEngineFor(instance));
  }

  private static boolean isReady(DatabaseInstance instance) {
    DatabaseInstanceStatus status = instance.getStatus();
    return status != null && status.getPhase() == DatabaseInstanceStatus.Phase.Ready;
  }
}
