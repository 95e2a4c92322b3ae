package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.TestEvents;
import java.time.Instant;

/** Operator events as the receivers see them. */
public final class Events {
  public static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

  private Events() {}

  public static EventRecord warning(String kind, String name, String reason, String message) {
    return TestEvents.event()
        .uid("uid-" + name + "-" + reason)
        .namespace("db")
        .involved("dbops.dbprovision.io/v1alpha1", kind, name)
        .reason(reason)
        .type("Warning")
        .message(message)
        .count(3)
        .lastTimestamp(AT)
        .build();
  }

  public static EventRecord connectionFailed() {
    return warning(
        "DatabaseInstance",
        "pg-main",
        "ConnectionFailed",
        "dial tcp 10.0.0.5:5432: connect: connection refused");
  }
}
