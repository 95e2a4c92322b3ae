package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.normalize.EventRecord;

/** What the watch saw happen to one Event object, handed to the pipeline. */
public record Change(Type type, EventRecord event) {

  public enum Type {
    /** Listed at start: state to remember, not occurrences. */
    SEED,
    /**
     * Listed again after a restart, a failover or a relist: every occurrence above the count
     * already processed (restored from the checkpoint, or known from before the relist) is new; an
     * Event never processed counts all its occurrences, however old.
     */
    RESUMED,
    ADDED,
    UPDATED,
    DELETED
  }
}
