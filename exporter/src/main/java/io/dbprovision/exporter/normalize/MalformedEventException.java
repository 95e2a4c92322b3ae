package io.dbprovision.exporter.normalize;

/** An Event the exporter cannot process; the message names the Event, never its content. */
public final class MalformedEventException extends Exception {
  private final DiscardCause cause;

  public MalformedEventException(DiscardCause cause, String message) {
    super(message);
    this.cause = cause;
  }

  public DiscardCause discardCause() {
    return cause;
  }
}
