package io.dbprovision.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a resource that another one refers to: from the cache of the controller's informer on that
 * kind (a {@link ReadinessTrigger}) when it holds a usable copy, otherwise from the API server.
 *
 * <p>Most passes find what they need in the cache and cost the API server nothing; a burst of new
 * resources would otherwise read their instance, and a grant its grantee and database, once per
 * pass each. A copy that is missing, or that fails the caller's test (not Ready yet), is read again
 * from the API server, because an informer can lag a moment behind: no pass waits in Pending, or
 * decides there is nothing to revoke, on a stale copy. A namespace outside the operator's watch is
 * in no cache and is always read from the API server.
 */
final class CachedLookup<R extends HasMetadata> {
  private final KubernetesClient client;
  private final Class<R> type;
  private final String source;

  /** Reads {@code type} through the informer registered as {@code source}. */
  CachedLookup(KubernetesClient client, Class<R> type, String source) {
    this.client = client;
    this.type = type;
    this.source = source;
  }

  /** The resource, or empty when the API server does not have it either. */
  Optional<R> get(Context<?> context, String namespace, String name, Predicate<R> usable) {
    Optional<R> cached = cache(context).flatMap(c -> c.get(new ResourceID(name, namespace)));
    if (cached.isPresent() && usable.test(cached.get())) {
      return cached;
    }
    return Optional.ofNullable(client.resources(type).inNamespace(namespace).withName(name).get());
  }

  private Optional<Cache<R>> cache(Context<?> context) {
    return context.eventSourceRetriever().getEventSourceFor(type, source) instanceof Cache<?> cache
        ? Optional.of(typed(cache))
        : Optional.empty();
  }

  @SuppressWarnings("unchecked") // the event source was registered for this type under this name
  private Cache<R> typed(Cache<?> cache) {
    return (Cache<R>) cache;
  }
}
