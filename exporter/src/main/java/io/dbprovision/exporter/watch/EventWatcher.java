package io.dbprovision.exporter.watch;

import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.MalformedEventException;
import io.dbprovision.exporter.pipeline.Change;
import io.dbprovision.exporter.pipeline.EventPipeline;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches core/v1 Events (all namespaces, or each configured one) and feeds the {@link
 * EventPipeline}.
 *
 * <p>Start: the current Events are listed and handed to the pipeline as seed (state, not
 * occurrences), then the informers start from that same state ({@code initialState}), so that only
 * what changes afterwards reaches the handler: an Event listed at start is never counted or alerted
 * again, by this process or by the next one after a restart. The handler copies the Event into an
 * immutable record and offers it; it never blocks and never does I/O.
 *
 * <p>Filtering is client-side (namespaces): API-server field selectors on Events are not relied on.
 */
public final class EventWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventWatcher.class);

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final Set<String> namespaceFilter;
  private final EventNormalizer normalizer;
  private final DiscardReporter discards;
  private final EventPipeline pipeline;
  private final Runnable watchErrorCounter;
  private final InitialListing listing;
  private final List<SharedIndexInformer<Event>> informers = new ArrayList<>();
  private final WatchDrops drops;
  private ScheduledFuture<?> dropChecks;

  /**
   * @param namespaces the namespaces to watch; empty for all
   * @param watchErrorCounter counts {@code watch_errors_total}
   */
  public EventWatcher(
      KubernetesClient client,
      List<String> namespaces,
      EventNormalizer normalizer,
      DiscardReporter discards,
      EventPipeline pipeline,
      Runnable watchErrorCounter) {
    this(
        client,
        namespaces,
        normalizer,
        discards,
        pipeline,
        watchErrorCounter,
        InitialListing.BASELINE);
  }

  /**
   * @param listing what the Events listed at start stand for (baseline, or resumed from a
   *     checkpoint)
   */
  public EventWatcher(
      KubernetesClient client,
      List<String> namespaces,
      EventNormalizer normalizer,
      DiscardReporter discards,
      EventPipeline pipeline,
      Runnable watchErrorCounter,
      InitialListing listing) {
    this.listing = listing;
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
    this.namespaceFilter = Set.copyOf(namespaces);
    this.normalizer = normalizer;
    this.discards = discards;
    this.pipeline = pipeline;
    this.watchErrorCounter = watchErrorCounter;
    this.drops = new WatchDrops(watchErrorCounter);
  }

  /** Seeds the pipeline from the current Events and starts watching; returns once synced. */
  public void start(Duration syncTimeout) throws InterruptedException, TimeoutException {
    List<String> scopes = namespaces.isEmpty() ? Collections.singletonList(null) : namespaces;
    int seeded = 0;
    for (String namespace : scopes) {
      List<Event> current =
          namespace == null
              ? client.v1().events().inAnyNamespace().list().getItems()
              : client.v1().events().inNamespace(namespace).list().getItems();
      for (Event event : current) {
        if (seed(event)) {
          seeded++;
        }
      }
      SharedIndexInformer<Event> informer =
          namespace == null
              ? client.v1().events().inAnyNamespace().runnableInformer(0)
              : client.v1().events().inNamespace(namespace).runnableInformer(0);
      informer.itemStore(new CompactEventStore());
      informer.initialState(current.stream());
      informer.addEventHandler(new Handler());
      String what = "Events in " + (namespace == null ? "all namespaces" : namespace);
      informer.exceptionHandler(new WatchErrors(what, watchErrorCounter));
      drops.add(what, informer::isWatching);
      informers.add(informer);
    }
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    for (SharedIndexInformer<Event> informer : informers) {
      try {
        informer
            .start()
            .toCompletableFuture()
            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot watch Events: " + e.getCause(), e.getCause());
      }
    }
    LOG.info(
        "watching Events in {}; {} existing Events taken as state",
        namespaces.isEmpty() ? "all namespaces" : String.join(", ", namespaces),
        seeded);
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
    return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** Whether every informer's watch is open (for health checks). */
  public boolean isWatching() {
    return !informers.isEmpty() && informers.stream().allMatch(EventWatcher::isWatching);
  }

  /**
   * fabric8 (7.5) {@code isWatching()} throws (a null watch) while it swaps an informer's watch.
   */
  private static boolean isWatching(SharedIndexInformer<Event> informer) {
    try {
      return informer.isWatching();
    } catch (RuntimeException betweenWatches) {
      return false;
    }
  }

  private boolean seed(Event event) throws InterruptedException {
    try {
      EventRecord record = normalizer.normalize(event);
      if (!inScope(record)) {
        return false;
      }
      Change.Type type = listing.typeOf(record);
      if (type == Change.Type.SEED) {
        pipeline.seed(record);
      } else {
        pipeline.list(new Change(type, record));
      }
      return true;
    } catch (MalformedEventException e) {
      // Old and unprocessable: nothing to remember, and counting it again on every restart
      // would make the discard counter meaningless.
      LOG.debug("not seeding: {}", e.getMessage());
      return false;
    }
  }

  private boolean inScope(EventRecord record) {
    return namespaceFilter.isEmpty() || namespaceFilter.contains(record.namespace());
  }

  private void hand(Change.Type type, Event event) {
    try {
      EventRecord record = normalizer.normalize(event);
      if (inScope(record)) {
        pipeline.offer(new Change(type, record));
      }
    } catch (MalformedEventException e) {
      if (type != Change.Type.DELETED) {
        discards.discarded(e.discardCause(), e.getMessage());
      }
    }
  }

  /** Runs on the informer's thread: copy, hand over, return. */
  private final class Handler implements ResourceEventHandler<Event> {
    @Override
    public void onAdd(Event event) {
      hand(Change.Type.ADDED, event);
    }

    @Override
    public void onUpdate(Event previous, Event event) {
      hand(Change.Type.UPDATED, event);
    }

    @Override
    public void onDelete(Event event, boolean deletedFinalStateUnknown) {
      hand(Change.Type.DELETED, event);
    }
  }

  @Override
  public synchronized void close() {
    if (dropChecks != null) {
      // First: a closed informer is not watching, and that is no error.
      dropChecks.cancel(false);
    }
    informers.forEach(SharedIndexInformer::close);
    informers.clear();
  }
}
