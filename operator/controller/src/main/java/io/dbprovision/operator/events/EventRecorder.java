package io.dbprovision.operator.events;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.metrics.OperatorMetrics.EventOutcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records catalog events about the operator's resources as Kubernetes Events, the way client-go's
 * recorder does: {@link #record} only puts the occurrence on a bounded queue (when it is full the
 * occurrence is dropped and counted) and returns; one worker thread correlates ({@link
 * EventCorrelator}) and writes ({@link EventSink}), retrying while the server is unreachable.
 * Nothing here can block, fail or slow a reconcile: {@link #record} never throws.
 *
 * <p>Only {@link CatalogEvent} constants can be recorded, so the operator cannot emit a reason
 * outside the catalog; an event recorded on an object of another kind than its catalog row is
 * refused (logged and counted as dropped).
 *
 * <p>Every occurrence ends in {@code dbprovision_operator_events_total} as created, patched or
 * dropped. Messages are not logged: they are for the Event.
 */
public final class EventRecorder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  /** client-go's queue length ({@code maxQueuedEvents}). */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  /** Kubernetes' limit on an Event note; longer messages are cut. */
  static final int MAX_MESSAGE_LENGTH = 1024;

  /**
   * How often and how long apart a write is tried while the server is unavailable. client-go: 12
   * tries, 10 s apart, the first wait randomised so that replicas do not retry in step.
   */
  public record Retry(int maxAttempts, Duration delay) {
    public static final Retry CLIENT_GO = new Retry(12, Duration.ofSeconds(10));

    public Retry {
      if (maxAttempts < 1 || delay.isNegative()) {
        throw new IllegalArgumentException("maxAttempts must be positive, delay not negative");
      }
    }
  }

  private final EventSink sink;
  private final EventCorrelator correlator;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final Retry retry;
  private final BlockingQueue<Occurrence> queue;
  private final Thread worker;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicBoolean overflowing = new AtomicBoolean();
  private volatile boolean accepting = true;

  public EventRecorder(
      EventSink sink,
      EventCorrelator correlator,
      OperatorMetrics metrics,
      Clock clock,
      int queueCapacity,
      Retry retry) {
    this.sink = sink;
    this.correlator = correlator;
    this.metrics = metrics;
    this.clock = clock;
    this.retry = retry;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.worker = new Thread(this::work, "event-recorder");
    this.worker.setDaemon(true);
    // Only an Error gets here (exceptions are caught per event); /healthz then reports it.
    this.worker.setUncaughtExceptionHandler(
        (thread, error) ->
            log.error("Event recorder worker died; no more Events will be written", error));
  }

  /** Starts the worker; returns this recorder. */
  public EventRecorder start() {
    worker.start();
    return this;
  }

  /**
   * Records that {@code event} happened to {@code involved}; type and reason come from the catalog
   * row. A blank message stands for the row's description. Returns at once.
   */
  public void record(HasMetadata involved, CatalogEvent event, String message) {
    if (event == null) {
      log.error("An event without a catalog row was recorded; ignored");
      return;
    }
    try {
      InvolvedObject object = InvolvedObject.of(involved);
      if (!event.kind().kind().equals(object.kind())) {
        log.error(
            "Event {} of kind {} cannot be recorded on {} {}/{}; dropped",
            event.reason(),
            event.kind().kind(),
            object.kind(),
            object.namespace(),
            object.name());
        metrics.eventRecorded(event, EventOutcome.DROPPED);
        return;
      }
      Occurrence occurrence = new Occurrence(object, event, text(event, message), clock.instant());
      if (!accepting) {
        log.debug("Recorder stopped; dropped {} for {}", event.reason(), object.name());
        metrics.eventRecorded(event, EventOutcome.DROPPED);
      } else if (queue.offer(occurrence)) {
        if (overflowing.compareAndSet(true, false)) {
          log.info("Event queue has room again");
        }
      } else {
        metrics.eventRecorded(event, EventOutcome.DROPPED);
        if (overflowing.compareAndSet(false, true)) {
          log.warn(
              "Event queue full ({} waiting); dropping events until it drains",
              queue.remainingCapacity() + queue.size());
        }
      }
    } catch (RuntimeException e) {
      // A malformed object must not fail the reconcile that reports on it.
      log.error("Could not record event {}; dropped", event.reason(), e);
      metrics.eventRecorded(event, EventOutcome.DROPPED);
    }
  }

  /** Whether the worker is running; a dead worker means no more Events (a liveness failure). */
  public boolean isRunning() {
    return worker.isAlive() && stopping.getCount() > 0;
  }

  /** Occurrences waiting for the worker. */
  public int queued() {
    return queue.size();
  }

  /**
   * Stops accepting events, writes what is queued (one try each) and stops the worker, waiting at
   * most {@code timeout}.
   */
  public void close(Duration timeout) {
    accepting = false;
    stopping.countDown();
    worker.interrupt();
    try {
      worker.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private void work() {
    while (stopping.getCount() > 0) {
      Occurrence occurrence;
      try {
        occurrence = queue.take();
      } catch (InterruptedException e) {
        break;
      }
      process(occurrence);
    }
    Thread.interrupted(); // close() interrupted us; the last writes must not see it
    List<Occurrence> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.forEach(this::process);
  }

  private void process(Occurrence occurrence) {
    try {
      var write = correlator.correlate(occurrence);
      if (write.isEmpty()) {
        log.debug(
            "Spam filter held back {} for {}/{}",
            occurrence.event().reason(),
            occurrence.object().namespace(),
            occurrence.object().name());
        metrics.eventRecorded(occurrence.event(), EventOutcome.DROPPED);
        return;
      }
      metrics.eventRecorded(occurrence.event(), writeWithRetries(write.get()));
    } catch (RuntimeException e) {
      log.error("Could not write event {}; dropped", occurrence.event().reason(), e);
      metrics.eventRecorded(occurrence.event(), EventOutcome.DROPPED);
    }
  }

  private EventOutcome writeWithRetries(EventWrite write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return writeOnce(write);
      } catch (EventSinkException e) {
        boolean retryable = e.failure() == EventSinkException.Cause.UNAVAILABLE;
        if (!retryable || attempt >= retry.maxAttempts() || stopping.getCount() == 0) {
          log.warn(
              "Event {} for {} {}/{} not written after {} attempt(s): {}",
              write.event().reason(),
              write.object().kind(),
              write.namespace(),
              write.object().name(),
              attempt,
              e.getMessage(),
              e.getCause());
          return EventOutcome.DROPPED;
        }
        log.debug("Event write failed, will retry: {}", e.getMessage());
        if (waitBeforeRetry(attempt)) {
          return EventOutcome.DROPPED;
        }
      }
    }
  }

  private EventOutcome writeOnce(EventWrite write) throws EventSinkException {
    if (write.isRepeat()) {
      try {
        sink.patch(write);
        return EventOutcome.PATCHED;
      } catch (EventSinkException e) {
        if (e.failure() != EventSinkException.Cause.NOT_FOUND) {
          throw e;
        }
        // The Event expired on the server: write it anew, keeping its history (as client-go).
      }
    }
    try {
      sink.create(write);
      return EventOutcome.CREATED;
    } catch (EventSinkException e) {
      if (e.failure() == EventSinkException.Cause.NOT_FOUND) {
        // A create that finds nothing means the namespace is gone: nothing to retry.
        throw new EventSinkException(EventSinkException.Cause.REJECTED, e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Waits before another try; returns true when the recorder is stopping instead. */
  private boolean waitBeforeRetry(int attempt) {
    long millis = retry.delay().toMillis();
    if (attempt == 1) {
      millis = (long) (millis * ThreadLocalRandom.current().nextDouble());
    }
    try {
      return stopping.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Only close() interrupts the worker.
      return true;
    }
  }

  private static String text(CatalogEvent event, String message) {
    String text = message == null || message.isBlank() ? event.description() : message.strip();
    return text.length() <= MAX_MESSAGE_LENGTH
        ? text
        : text.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }
}
