package io.dbprovision.operator.events;

import io.dbprovision.api.events.CatalogEvent;
import java.time.Instant;

/**
 * An Event as the correlator wants it stored: either a new Event ({@code count == 1}) or the next
 * state of an Event already written under {@code name} (a repeat, {@code count > 1}), of which only
 * {@code count}, {@code lastTimestamp} and {@code message} change.
 */
public record EventWrite(
    String name,
    InvolvedObject object,
    CatalogEvent event,
    String message,
    int count,
    Instant firstTimestamp,
    Instant lastTimestamp) {

  /** Events live in the namespace of their object; cluster-scoped objects use {@code default}. */
  public String namespace() {
    return object.namespace() == null || object.namespace().isEmpty()
        ? "default"
        : object.namespace();
  }

  /** A repeat updates the Event written before instead of creating one. */
  public boolean isRepeat() {
    return count > 1;
  }
}
