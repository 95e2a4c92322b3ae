package io.dbprovision.operator.events;

/** A failed write to an {@link EventSink}, classified by what the recorder should do next. */
public final class EventSinkException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a write failed. */
  public enum Cause {
    /** The Event to update does not exist (any more): create it instead. */
    NOT_FOUND,
    /** The server refused the Event itself; sending it again would be refused again. */
    REJECTED,
    /** The server could not be reached or was not able to answer: worth another try. */
    UNAVAILABLE
  }

  private final Cause cause;

  public EventSinkException(Cause cause, String message, Throwable source) {
    super(message, source);
    this.cause = cause;
  }

  public Cause failure() {
    return cause;
  }
}
