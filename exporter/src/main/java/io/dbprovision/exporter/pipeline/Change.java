package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.normalize.EventRecord;

/** What the watch saw happen to one Event object, handed to the pipeline. */
public record Change(Type type, EventRecord event) {

  public enum Type {
    /** Listed at start: state to remember, not occurrences. */
    SEED,
    ADDED,
    UPDATED,
    DELETED
  }
}
