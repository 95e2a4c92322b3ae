package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.DiscardCause;
import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.route.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * normalize → count → route, on one thread. The watch offers {@link Change}s without ever blocking
 * (a full queue discards and counts, {@code cause="queue_full"}); this thread turns them into
 * occurrences, counts them, enriches and routes those that happened, and hands each {@link
 * Decision} to the {@link Dispatcher}.
 *
 * <p>One thread owns the {@link OccurrenceTracker}, so occurrence accounting needs no locks and
 * changes are processed in the order the watch saw them. A failure on one Event is logged and the
 * next one is processed. A reload swaps the route tree atomically between two Events.
 */
public final class EventPipeline implements AutoCloseable {
  /** Changes that may wait: a burst of this many Events is absorbed without loss. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(EventPipeline.class);
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

  private final BlockingQueue<Change> queue;
  private final OccurrenceTracker tracker;
  private final MetadataLookup lookup;
  private final ExporterMetrics metrics;
  private final DiscardReporter discards;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final AtomicReference<Routing> routing = new AtomicReference<>();
  private final AtomicLong processed = new AtomicLong();
  private final Thread thread;
  private volatile CountListener countListener = CountListener.NONE;
  private volatile boolean running = true;
  private Instant nextSweep;

  /** The configuration and its compiled route tree, swapped together. */
  private record Routing(ExporterConfig config, Router router) {}

  public EventPipeline(
      ExporterConfig config,
      int queueCapacity,
      OccurrenceTracker tracker,
      MetadataLookup lookup,
      ExporterMetrics metrics,
      DiscardReporter discards,
      Dispatcher dispatcher,
      Clock clock) {
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.tracker = Objects.requireNonNull(tracker);
    this.lookup = Objects.requireNonNull(lookup);
    this.metrics = Objects.requireNonNull(metrics);
    this.discards = Objects.requireNonNull(discards);
    this.dispatcher = Objects.requireNonNull(dispatcher);
    this.clock = Objects.requireNonNull(clock);
    this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    reconfigure(config);
    this.thread = new Thread(this::run, "event-pipeline");
    this.thread.setDaemon(true);
  }

  public EventPipeline start() {
    thread.start();
    return this;
  }

  /**
   * Uses a new configuration from the next Event on (hot reload): its route tree and its {@code
   * maxEventAgeSeconds}.
   */
  public void reconfigure(ExporterConfig config) {
    routing.set(new Routing(config, Router.compile(config.route())));
    tracker.maxEventAge(Duration.ofSeconds(config.maxEventAgeSeconds()));
  }

  /**
   * Hands over a change without blocking; when the queue is full the change is discarded and
   * counted. Safe from any thread (the informers').
   */
  public void offer(Change change) {
    if (!queue.offer(change)) {
      discards.discarded(
          DiscardCause.QUEUE_FULL,
          "Event " + change.event().namespace() + "/" + change.event().name());
    }
  }

  /**
   * Hands over an Event of the initial list, waiting for room: seeding happens before the watch
   * starts, on the caller's thread, and must not lose state.
   */
  public void seed(EventRecord event) throws InterruptedException {
    queue.put(new Change(Change.Type.SEED, event));
  }

  /**
   * Hands over an Event of a listing (start, failover, relist) as the given kind of change, waiting
   * for room: listing must not lose state.
   */
  public void list(Change change) throws InterruptedException {
    queue.put(change);
  }

  /**
   * Tells {@code listener} the count processed for each Event after each change (set before {@link
   * #start}); the checkpoint records it.
   */
  public EventPipeline onCounted(CountListener listener) {
    this.countListener = Objects.requireNonNull(listener);
    return this;
  }

  /** How many changes have been processed so far. */
  public long processed() {
    return processed.get();
  }

  /** Whether the pipeline thread runs (health: a dead pipeline processes nothing). */
  public boolean isAlive() {
    return thread.isAlive();
  }

  /** How many changes are waiting. */
  public int backlog() {
    return queue.size();
  }

  private void run() {
    while (running) {
      try {
        Change change = queue.poll(1, TimeUnit.SECONDS);
        if (change != null) {
          process(change);
          processed.incrementAndGet();
        }
        sweepWhenDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // One bad Event (or a failing dispatcher) must not stop the exporter.
        LOG.error("failed to process an Event change; continuing", e);
        processed.incrementAndGet();
      }
    }
  }

  private void process(Change change) {
    EventRecord event = change.event();
    switch (change.type()) {
      case SEED -> tracker.seed(event);
      case DELETED -> {
        tracker.forget(event.uid());
        countListener.forgotten(event.uid());
        return;
      }
      case ADDED, UPDATED, RESUMED -> {
        int occurrences =
            change.type() == Change.Type.RESUMED
                ? tracker.resumed(event)
                : tracker.occurrences(event);
        metrics.recordOccurrences(event, occurrences);
        if (occurrences > 0) {
          route(event, occurrences);
        }
      }
    }
    // After routing: what the checkpoint records has been counted and handed to delivery.
    countListener.counted(event, tracker.lastCount(event.uid()));
  }

  private void route(EventRecord event, int occurrences) {
    Routing current = routing.get();
    boolean lookups = !current.config().omitLookup();
    EventRecord routed = event;
    if (lookups && current.router().usesInvolvedMetadata()) {
      routed = event.withInvolvedMetadata(lookup.lookup(event.involvedObject()));
    }
    List<String> names = current.router().receiversFor(routed);
    if (names.isEmpty()) {
      return;
    }
    if (lookups && routed == event) {
      // Templates may show the involved object's labels: fetch them only for what is sent.
      routed = event.withInvolvedMetadata(lookup.lookup(event.involvedObject()));
    }
    List<ReceiverConfig> receivers =
        names.stream().map(name -> current.config().receiver(name).orElseThrow()).toList();
    dispatcher.dispatch(
        new Decision(routed, occurrences, receivers, current.config().clusterName()));
  }

  private void sweepWhenDue() {
    Instant now = clock.instant();
    if (!now.isBefore(nextSweep)) {
      nextSweep = now.plus(SWEEP_INTERVAL);
      metrics.removeExpiredSeries();
    }
  }

  /** Stops the thread; changes still queued are dropped (nothing is delivered from here). */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
