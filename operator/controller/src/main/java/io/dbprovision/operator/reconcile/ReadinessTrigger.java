package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An informer on a kind that other resources refer to (an instance, a grantee, a database). It
 * wakes the referring resources when the referenced one becomes Ready or stops being Ready, so that
 * a resource waiting in Pending goes ahead at once rather than at its next {@link
 * ParentInstance#RECHECK}; other changes (drift checks, status details) wake nothing. Its cache is
 * what {@link CachedLookup} reads before asking the API server.
 */
final class ReadinessTrigger {
  private ReadinessTrigger() {}

  /**
   * Watches {@code type} in the controller's namespaces under {@code name}; {@code reference} is
   * the primary's reference to a resource of that type (null when it has none, and then the
   * informer is a cache that wakes nothing).
   */
  static <R extends CustomResource<?, ?>, P extends HasMetadata> InformerEventSource<R, P> on(
      EventSourceContext<P> context,
      Class<R> type,
      String name,
      Function<P, ResourceRef> reference) {
    InformerEventSourceConfiguration<R> configuration =
        InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
            .withName(name)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(named -> referencing(context, named, reference))
            .withOnAddFilter(ReadinessTrigger::isReady)
            .withOnUpdateFilter((now, before) -> isReady(now) != isReady(before))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  /** The primaries in the resource's namespace whose reference names it. */
  private static <P extends HasMetadata> Set<ResourceID> referencing(
      EventSourceContext<P> context, HasMetadata named, Function<P, ResourceRef> reference) {
    String namespace = named.getMetadata().getNamespace();
    String name = named.getMetadata().getName();
    return context
        .getPrimaryCache()
        .list(namespace, primary -> names(reference.apply(primary), namespace, name))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static boolean names(ResourceRef ref, String namespace, String name) {
    return ref != null
        && name.equals(ref.getName())
        && (ref.getNamespace() == null
            || ref.getNamespace().isEmpty()
            || ref.getNamespace().equals(namespace));
  }

  static boolean isReady(HasMetadata resource) {
    return resource instanceof CustomResource<?, ?> custom
        && custom.getStatus() instanceof ResourceStatus status
        && ReadyCondition.isReady(status);
  }
}
