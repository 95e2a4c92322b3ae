package io.dbprovision.exporter.checkpoint;

import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.pipeline.CountListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects what the pipeline has processed and writes it to the {@link CheckpointStore} when
 * something changed, at most once per interval. The pipeline thread records; the scheduler's thread
 * writes; a write failure is logged and retried at the next interval.
 */
public final class CheckpointRecorder implements CountListener, AutoCloseable {
  /** Events kept: about 800 KiB of ConfigMap data, below its 1 MiB limit. */
  public static final int DEFAULT_CAPACITY = 16_384;

  /** How often the leader writes at most. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointRecorder.class);

  private final CheckpointStore store;
  private final Clock clock;
  private final Map<String, Integer> counts;
  private Instant newestCreated;
  private boolean dirty;
  private ScheduledFuture<?> schedule;

  /**
   * @param restored the checkpoint this run resumed from, whose entries stay until evicted
   */
  public CheckpointRecorder(CheckpointStore store, Clock clock, int capacity, Checkpoint restored) {
    this.store = store;
    this.clock = clock;
    this.counts =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > capacity;
          }
        };
    if (restored != null) {
      counts.putAll(restored.counts());
      newestCreated = restored.newestCreated();
    }
  }

  @Override
  public synchronized void counted(EventRecord event, int count) {
    Integer previous = counts.put(event.uid(), count);
    Instant created = CheckpointListing.createdAt(event);
    if (created != null && (newestCreated == null || created.isAfter(newestCreated))) {
      newestCreated = created;
    }
    dirty |= previous == null || previous != count;
  }

  @Override
  public synchronized void forgotten(String uid) {
    dirty |= counts.remove(uid) != null;
  }

  /** Writes every {@code interval} when something changed. */
  public synchronized CheckpointRecorder start(
      ScheduledExecutorService scheduler, Duration interval) {
    long millis = interval.toMillis();
    schedule = scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Writes now if something changed since the last write; true when it wrote. */
  public boolean flush() {
    Checkpoint snapshot;
    synchronized (this) {
      if (!dirty) {
        return false;
      }
      snapshot = new Checkpoint(new LinkedHashMap<>(counts), newestCreated, clock.instant());
      dirty = false;
    }
    try {
      store.write(snapshot);
      return true;
    } catch (RuntimeException e) {
      synchronized (this) {
        dirty = true;
      }
      LOG.warn("cannot write the checkpoint (retrying later): {}", e.toString());
      return false;
    }
  }

  /** Stops writing without a last write: what a crash leaves behind. */
  public synchronized void abandon() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  /** Stops the schedule and writes what is left (a clean stop leaves nothing to repeat). */
  @Override
  public void close() {
    synchronized (this) {
      if (schedule != null) {
        schedule.cancel(false);
      }
    }
    flush();
  }
}
