package io.dbprovision.operator.events;

import io.dbprovision.api.events.CatalogEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One call of {@link EventRecorder#record}: something happened to an object, at a time. The
 * correlator decides what, if anything, it becomes on the API server.
 */
public record Occurrence(InvolvedObject object, CatalogEvent event, String message, Instant at) {
  public Occurrence {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }
}
