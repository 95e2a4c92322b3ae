package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseGrantSpec;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wakes the DatabaseGrants that name a DatabaseUser, DatabaseRole or Database when it becomes Ready
 * or stops being Ready, so that a waiting grant is applied at once rather than at its next {@link
 * ParentInstance#RECHECK}. Other changes of those resources (drift checks, status details) wake
 * nothing.
 */
final class GrantTriggers {
  private GrantTriggers() {}

  static List<EventSource<?, DatabaseGrant>> eventSources(
      EventSourceContext<DatabaseGrant> context) {
    return List.of(
        source(context, DatabaseUser.class, DatabaseGrantSpec::getUserRef),
        source(context, DatabaseRole.class, DatabaseGrantSpec::getRoleRef),
        source(context, Database.class, DatabaseGrantSpec::getDatabaseRef));
  }

  private static <R extends CustomResource<?, ?>> EventSource<?, DatabaseGrant> source(
      EventSourceContext<DatabaseGrant> context,
      Class<R> type,
      Function<DatabaseGrantSpec, ResourceRef> reference) {
    InformerEventSourceConfiguration<R> configuration =
        InformerEventSourceConfiguration.from(type, DatabaseGrant.class)
            .withName("grant-" + type.getSimpleName())
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(named -> referencing(context, named, reference))
            .withOnAddFilter(GrantTriggers::isReady)
            .withOnUpdateFilter((now, before) -> isReady(now) != isReady(before))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  /** The grants in the resource's namespace whose reference names it. */
  private static Set<ResourceID> referencing(
      EventSourceContext<DatabaseGrant> context,
      HasMetadata named,
      Function<DatabaseGrantSpec, ResourceRef> reference) {
    String namespace = named.getMetadata().getNamespace();
    String name = named.getMetadata().getName();
    return context
        .getPrimaryCache()
        .list(namespace, grant -> names(reference.apply(grant.getSpec()), namespace, name))
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

  private static boolean isReady(CustomResource<?, ?> resource) {
    return resource.getStatus() instanceof ResourceStatus status && ReadyCondition.isReady(status);
  }
}
