package io.dbprovision.exporter.normalize;

/** Why an Event was not processed: the {@code cause} label of {@code events_discarded_total}. */
public enum DiscardCause {
  /** No {@code involvedObject}, or one without kind or name. */
  MISSING_INVOLVED_OBJECT("missing_involved_object"),
  /** {@code type} is neither Normal nor Warning. */
  UNKNOWN_TYPE("unknown_type"),
  /** No {@code metadata.uid}: occurrences cannot be tracked. */
  MISSING_UID("missing_uid"),
  /** The pipeline's queue was full when the informer handed the event over. */
  QUEUE_FULL("queue_full");

  private final String label;

  DiscardCause(String label) {
    this.label = label;
  }

  /** The metric label value. */
  public String label() {
    return label;
  }
}
