package io.dbprovision.operator.events;

import io.dbprovision.api.events.CatalogEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what an {@link Occurrence} becomes on the API server, with the semantics of client-go's
 * {@code EventCorrelator}, so that {@code kubectl describe} reads as users expect:
 *
 * <ol>
 *   <li><b>Aggregation.</b> Occurrences of one object with the same type and reason but different
 *       messages are counted per group; from the {@code aggregateMaxEvents}-th distinct message
 *       within {@code aggregateWindow} on, they are written as one Event whose message is {@code
 *       "(combined from similar events): <latest message>"}.
 *   <li><b>Counting.</b> An occurrence identical to one seen before (same object, type, reason and
 *       message) becomes the next state of that Event: {@code count} rises, {@code lastTimestamp}
 *       moves and {@code firstTimestamp} stays.
 *   <li><b>Spam filter.</b> Each object has a token bucket ({@code spamBurst}, refilled every
 *       {@code spamRefillEvery}); an occurrence without a token is not written. It still counts, so
 *       the next written repeat carries the true number of occurrences.
 * </ol>
 *
 * <p>Every cache is an LRU of {@code cacheSize} entries, as in client-go: an Event whose state was
 * forgotten is written anew. One correlator serves one event source (this operator), so the source
 * is not part of its keys. Time for windows and buckets comes from the injected {@link Clock};
 * timestamps come from the occurrence. Methods are synchronized; the recorder calls them from its
 * single worker.
 */
public final class EventCorrelator {
  static final String COMBINED_PREFIX = "(combined from similar events): ";
  // Event names are DNS subdomains; client-go ignores the limit, we shorten the object part.
  private static final int MAX_NAME_LENGTH = 253;

  private final Clock clock;
  private final CorrelatorLimits limits;
  private final LruCache<InvolvedObject.Identity, TokenBucket> buckets;
  private final LruCache<GroupKey, Group> groups;
  private final LruCache<Object, Written> written;
  private long lastNameNanos;

  public EventCorrelator(Clock clock) {
    this(clock, CorrelatorLimits.CLIENT_GO);
  }

  public EventCorrelator(Clock clock, CorrelatorLimits limits) {
    this.clock = clock;
    this.limits = limits;
    this.buckets = new LruCache<>(limits.cacheSize());
    this.groups = new LruCache<>(limits.cacheSize());
    this.written = new LruCache<>(limits.cacheSize());
  }

  /** What to write for the occurrence, or empty when the spam filter holds it back. */
  public synchronized Optional<EventWrite> correlate(Occurrence occurrence) {
    Instant now = clock.instant();
    InvolvedObject.Identity object = occurrence.object().identity();
    GroupKey groupKey = new GroupKey(object, occurrence.event());

    Group group = groups.get(groupKey);
    if (group == null
        || Duration.between(group.last, now).compareTo(limits.aggregateWindow()) > 0) {
      group = new Group();
    }
    group.messages.add(occurrence.message());
    group.last = now;
    groups.put(groupKey, group);

    Object key;
    String message;
    if (group.messages.size() < limits.aggregateMaxEvents()) {
      key = new EventKey(object, occurrence.event(), occurrence.message());
      message = occurrence.message();
    } else {
      // Like client-go, keep the group just under the threshold: a message still remembered
      // is counted on its own Event again, a new one goes to the combined Event.
      Iterator<String> oldest = group.messages.iterator();
      oldest.next();
      oldest.remove();
      key = groupKey;
      message = COMBINED_PREFIX + occurrence.message();
    }

    Written before = written.get(key);
    EventWrite write =
        before == null
            ? new EventWrite(
                name(occurrence.object().name(), occurrence.at()),
                occurrence.object(),
                occurrence.event(),
                message,
                1,
                occurrence.at(),
                occurrence.at())
            : new EventWrite(
                before.name,
                occurrence.object(),
                occurrence.event(),
                message,
                before.count + 1,
                before.firstTimestamp,
                occurrence.at());
    written.put(key, new Written(write.name(), write.count(), write.firstTimestamp()));

    TokenBucket bucket = buckets.get(object);
    if (bucket == null) {
      bucket = new TokenBucket(limits.spamBurst(), limits.spamRefillEvery(), now);
    }
    boolean allowed = bucket.tryTake(now);
    buckets.put(object, bucket);
    return allowed ? Optional.of(write) : Optional.empty();
  }

  /** {@code <object>.<hex nanoseconds>} like client-go, made unique within this correlator. */
  private String name(String objectName, Instant at) {
    long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    nanos = Math.max(nanos, lastNameNanos + 1);
    lastNameNanos = nanos;
    String suffix = "." + Long.toHexString(nanos);
    String prefix =
        objectName.length() + suffix.length() > MAX_NAME_LENGTH
            ? objectName.substring(0, MAX_NAME_LENGTH - suffix.length())
            : objectName;
    return prefix + suffix;
  }

  private record GroupKey(InvolvedObject.Identity object, CatalogEvent event) {}

  private record EventKey(InvolvedObject.Identity object, CatalogEvent event, String message) {}

  private static final class Group {
    final Set<String> messages = new LinkedHashSet<>();
    Instant last;
  }

  private record Written(String name, int count, Instant firstTimestamp) {}
}
