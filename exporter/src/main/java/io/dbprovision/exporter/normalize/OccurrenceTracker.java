package io.dbprovision.exporter.normalize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns Event objects into occurrences. It remembers, per Event uid, the highest count seen, so
 * that a new Event with count 4 is 4 occurrences, an update from 4 to 6 is 2, and an update that
 * does not raise the count (a label change, a resync, the same object listed again) is none.
 *
 * <p>An Event first seen whose latest occurrence is older than the maximum age is baseline: its
 * count is remembered, nothing is counted (the Go tool's {@code maxEventAgeSeconds}, measured when
 * the exporter first sees it). {@link #seed} remembers without counting, for the initial list.
 *
 * <p>Memory is bounded: beyond the capacity the least recently seen uid is forgotten; should that
 * Event change again it is treated as first seen. Events live an hour by default, so a capacity
 * above the cluster's hourly event count makes this exact. Not thread-safe: the single pipeline
 * thread owns it.
 */
public final class OccurrenceTracker {
  /** Room for every Event of a busy cluster's hour (Events live an hour by default). */
  public static final int DEFAULT_CAPACITY = 65_536;

  /** Set by a configuration reload from another thread, read by the pipeline thread. */
  private volatile Duration maxEventAge;

  private final Clock clock;
  private final Map<String, Integer> lastCounts;

  public OccurrenceTracker(int capacity, Duration maxEventAge, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.maxEventAge = maxEventAge;
    this.clock = clock;
    this.lastCounts =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Applies a reloaded {@code maxEventAgeSeconds} to the Events first seen from now on (the only
   * part of this class another thread may call).
   */
  public void maxEventAge(Duration maxEventAge) {
    this.maxEventAge = maxEventAge;
  }

  /** Remembers an Event of the initial list: it happened before we started, count nothing. */
  public void seed(EventRecord event) {
    lastCounts.merge(event.uid(), event.occurrenceCount(), Math::max);
  }

  /** The number of new occurrences this added or updated Event stands for (0 or more). */
  public int occurrences(EventRecord event) {
    int count = event.occurrenceCount();
    Integer last = lastCounts.get(event.uid());
    if (last == null) {
      lastCounts.put(event.uid(), count);
      return isBaseline(event) ? 0 : count;
    }
    if (count <= last) {
      return 0;
    }
    lastCounts.put(event.uid(), count);
    return count - last;
  }

  /**
   * Remembers the count already processed for an Event in an earlier run (from the checkpoint),
   * before any Event is seen.
   */
  public void restore(String uid, int count) {
    lastCounts.merge(uid, count, Math::max);
  }

  /**
   * The new occurrences of an Event listed again (after a restart or a relist): the rise above the
   * count already processed, or all of its occurrences when none was processed, regardless of age.
   */
  public int resumed(EventRecord event) {
    int count = event.occurrenceCount();
    int last = lastCounts.getOrDefault(event.uid(), 0);
    if (count <= last) {
      lastCounts.putIfAbsent(event.uid(), count);
      return 0;
    }
    lastCounts.put(event.uid(), count);
    return count - last;
  }

  /** The highest count processed for an Event, or 0 when it is not remembered. */
  public int lastCount(String uid) {
    Integer last = lastCounts.get(uid);
    return last == null ? 0 : last;
  }

  /** Forgets a deleted Event. */
  public void forget(String uid) {
    lastCounts.remove(uid);
  }

  /** The number of Events remembered. */
  public int size() {
    return lastCounts.size();
  }

  private boolean isBaseline(EventRecord event) {
    Instant occurredAt = event.occurredAt();
    return occurredAt != null && occurredAt.plus(maxEventAge).isBefore(clock.instant());
  }
}
