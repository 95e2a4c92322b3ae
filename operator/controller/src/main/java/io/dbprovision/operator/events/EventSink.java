package io.dbprovision.operator.events;

/** Where correlated Events are stored: the Kubernetes API server in production. */
public interface EventSink {

  /** Stores a new Event under {@link EventWrite#name()}. */
  void create(EventWrite event) throws EventSinkException;

  /**
   * Updates the Event stored under {@link EventWrite#name()} to the repeat's {@code count}, {@code
   * lastTimestamp} and {@code message}; fails with {@link EventSinkException.Cause#NOT_FOUND} when
   * that Event is gone (Events expire on the server).
   */
  void patch(EventWrite event) throws EventSinkException;
}
