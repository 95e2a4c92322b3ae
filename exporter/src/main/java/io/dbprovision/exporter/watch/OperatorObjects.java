package io.dbprovision.exporter.watch;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Informers on the operator's eight kinds. They serve two needs without any per-event API call: the
 * labels and annotations of an Event's involved object, straight from the informer's cache, and the
 * metrics' knowledge of which operator objects exist (to pre-create their series) and which were
 * deleted (to remove them after the grace period).
 *
 * <p>Objects are read as {@link GenericKubernetesResource} with an explicit resource context, so
 * nothing depends on the CRD classes' schema or on API discovery.
 */
public final class OperatorObjects implements AutoCloseable {
  private final KubernetesClient client;
  private final List<String> namespaces;
  private final ExporterMetrics metrics;
  private final Runnable watchErrorCounter;
  private final Map<ResourceKind, List<SharedIndexInformer<GenericKubernetesResource>>> informers =
      new EnumMap<>(ResourceKind.class);
  private final WatchDrops drops;
  private ScheduledFuture<?> dropChecks;

  /**
   * @param namespaces the namespaces to watch; empty for all
   */
  public OperatorObjects(
      KubernetesClient client,
      List<String> namespaces,
      ExporterMetrics metrics,
      Runnable watchErrorCounter) {
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
    this.metrics = metrics;
    this.watchErrorCounter = watchErrorCounter;
    this.drops = new WatchDrops(watchErrorCounter);
  }

  static ResourceDefinitionContext context(ResourceKind kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(ResourceKind.GROUP)
        .withVersion(ResourceKind.VERSION)
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(true)
        .build();
  }

  /** Starts every informer and returns once all have synced. */
  public void start(Duration syncTimeout) throws InterruptedException, TimeoutException {
    List<SharedIndexInformer<GenericKubernetesResource>> all = new ArrayList<>();
    for (ResourceKind kind : ResourceKind.values()) {
      var resources = client.genericKubernetesResources(context(kind));
      List<SharedIndexInformer<GenericKubernetesResource>> ofKind = new ArrayList<>();
      if (namespaces.isEmpty()) {
        ofKind.add(resources.inAnyNamespace().runnableInformer(0));
      } else {
        namespaces.forEach(ns -> ofKind.add(resources.inNamespace(ns).runnableInformer(0)));
      }
      for (SharedIndexInformer<GenericKubernetesResource> informer : ofKind) {
        informer.addEventHandler(new Handler(kind));
        informer.exceptionHandler(new WatchErrors(kind.plural(), watchErrorCounter));
        drops.add(kind.plural(), informer::isWatching);
      }
      informers.put(kind, ofKind);
      all.addAll(ofKind);
    }
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    for (SharedIndexInformer<GenericKubernetesResource> informer : all) {
      try {
        informer
            .start()
            .toCompletableFuture()
            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "cannot watch the operator's resources: " + e.getCause(), e.getCause());
      }
    }
  }

  /**
   * The metadata of an operator object, if the reference is to one of our kinds: from the cache; a
   * missing object, or one re-created under the same name (another uid), is gone.
   */
  public Optional<ObjectMetadata> lookup(ObjectRef ref) {
    if (!ref.group().equals(ResourceKind.GROUP)) {
      return Optional.empty();
    }
    Optional<ResourceKind> kind = ResourceKind.fromKind(ref.kind());
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    for (SharedIndexInformer<GenericKubernetesResource> informer :
        informers.getOrDefault(kind.get(), List.of())) {
      GenericKubernetesResource object =
          informer.getStore().getByKey(ref.namespace() + "/" + ref.name());
      if (object != null) {
        boolean sameObject = ref.uid().isEmpty() || ref.uid().equals(object.getMetadata().getUid());
        return Optional.of(
            sameObject ? ObjectMetadataMapper.of(object.getMetadata()) : ObjectMetadata.GONE);
      }
    }
    return Optional.of(ObjectMetadata.GONE);
  }

  /**
   * Counts the watches fabric8 re-opens by itself ({@link WatchDrops}) from now on, until {@link
   * #close}.
   */
  public synchronized void countDroppedWatches(ScheduledExecutorService scheduler) {
    dropChecks = drops.schedule(scheduler);
  }

  /** Whether every informer has listed and is watching. */
  public boolean hasSynced() {
    return !informers.isEmpty()
        && informers.values().stream()
            .flatMap(List::stream)
            .allMatch(SharedIndexInformer::hasSynced);
  }

  /** Keeps the metrics' set of objects current; runs on the informer thread, no I/O. */
  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    private final ResourceKind kind;

    Handler(ResourceKind kind) {
      this.kind = kind;
    }

    @Override
    public void onAdd(GenericKubernetesResource object) {
      metrics.objectPresent(
          kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource object) {
      onAdd(object);
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean deletedFinalStateUnknown) {
      metrics.objectDeleted(
          kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
  }

  @Override
  public synchronized void close() {
    if (dropChecks != null) {
      // First: a closed informer is not watching, and that is no error.
      dropChecks.cancel(false);
    }
    informers.values().forEach(list -> list.forEach(SharedIndexInformer::close));
    informers.clear();
  }
}
