package io.dbprovision.exporter.normalize;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes Event as the exporter sees it: an immutable copy of a core/v1 Event that also
 * understands the events.k8s.io-style fields ({@code eventTime}, {@code series}, {@code
 * reportingController}), plus what is known of the involved object. Built by {@link
 * EventNormalizer}; never holds a fabric8 object.
 *
 * <p>Absent strings are empty, absent times null, absent counts 0.
 *
 * @param namespace the Event's own namespace (what the Go tool's {@code namespace:} rule matches)
 * @param count the core/v1 {@code count}
 * @param seriesCount the events.k8s.io {@code series.count}
 * @param related the events.k8s.io {@code related} object, or null
 * @param involvedMetadata the involved object's live labels, annotations, owners and deletion
 */
public record EventRecord(
    String uid,
    String namespace,
    String name,
    String resourceVersion,
    Instant creationTimestamp,
    Map<String, String> labels,
    Map<String, String> annotations,
    String reason,
    String message,
    String type,
    int count,
    Instant firstTimestamp,
    Instant lastTimestamp,
    Instant eventTime,
    int seriesCount,
    Instant seriesLastObservedTime,
    String action,
    String reportingController,
    String reportingInstance,
    String sourceComponent,
    String sourceHost,
    ObjectRef involvedObject,
    ObjectRef related,
    ObjectMetadata involvedMetadata) {

  public EventRecord {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(involvedObject, "involvedObject");
    Objects.requireNonNull(involvedMetadata, "involvedMetadata");
  }

  /**
   * How many times this event has happened so far: {@code series.count} for events.k8s.io-style
   * events, else {@code count}, and at least 1 (an Event exists because it happened once; the Go
   * tool reads 0 for series events, so their {@code minCount} rules never fire).
   */
  public int occurrenceCount() {
    return Math.max(1, Math.max(count, seriesCount));
  }

  /**
   * When the latest occurrence happened: {@code series.lastObservedTime}, else {@code
   * lastTimestamp}, else {@code eventTime}, else the object's creation; null if none is set.
   */
  public Instant occurredAt() {
    if (seriesLastObservedTime != null) {
      return seriesLastObservedTime;
    }
    if (lastTimestamp != null) {
      return lastTimestamp;
    }
    return eventTime != null ? eventTime : creationTimestamp;
  }

  /**
   * The component that reported the event: {@code source.component}, or {@code reportingController}
   * for events written through events.k8s.io, which leave source empty.
   */
  public String component() {
    return sourceComponent.isEmpty() ? reportingController : sourceComponent;
  }

  /** This event with what is now known of its involved object. */
  public EventRecord withInvolvedMetadata(ObjectMetadata metadata) {
    return new EventRecord(
        uid,
        namespace,
        name,
        resourceVersion,
        creationTimestamp,
        labels,
        annotations,
        reason,
        message,
        type,
        count,
        firstTimestamp,
        lastTimestamp,
        eventTime,
        seriesCount,
        seriesLastObservedTime,
        action,
        reportingController,
        reportingInstance,
        sourceComponent,
        sourceHost,
        involvedObject,
        related,
        metadata);
  }
}
