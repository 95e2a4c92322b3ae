package io.dbprovision.operator.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory Event store with the failure modes of an API server: it keeps Events by name, a
 * patch of a missing Event fails with NOT_FOUND, and tests can script failures, expire Events, or
 * hold the next write until released.
 */
final class FakeEventSink implements EventSink {
  /** A call the recorder made, in order. */
  record Call(String verb, EventWrite write) {}

  private final Map<String, EventWrite> stored = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final ConcurrentLinkedQueue<Throwable> crashes = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<EventSinkException.Cause> failures =
      new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch entered;
  private volatile CountDownLatch release;

  @Override
  public void create(EventWrite event) throws EventSinkException {
    enter("create", event);
    synchronized (this) {
      if (stored.containsKey(event.name())) {
        throw new EventSinkException(EventSinkException.Cause.REJECTED, "already exists", null);
      }
      stored.put(event.name(), event);
    }
  }

  @Override
  public void patch(EventWrite event) throws EventSinkException {
    enter("patch", event);
    synchronized (this) {
      if (!stored.containsKey(event.name())) {
        throw new EventSinkException(EventSinkException.Cause.NOT_FOUND, "not found", null);
      }
      stored.put(event.name(), event);
    }
  }

  private void enter(String verb, EventWrite event) throws EventSinkException {
    synchronized (this) {
      calls.add(new Call(verb, event));
    }
    CountDownLatch hold = release;
    if (hold != null) {
      entered.countDown();
      try {
        hold.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable crash = crashes.poll();
    if (crash instanceof RuntimeException e) {
      throw e;
    }
    if (crash instanceof Error e) {
      throw e;
    }
    EventSinkException.Cause failure = failures.poll();
    if (failure != null) {
      throw new EventSinkException(failure, "scripted " + failure, null);
    }
  }

  /** The next writes fail with these causes, one each. */
  void failNext(EventSinkException.Cause... causes) {
    failures.addAll(List.of(causes));
  }

  /** The next write throws this unchecked exception or error. */
  void crashNext(Throwable e) {
    crashes.add(e);
  }

  /** Writes wait until {@link #release()}; returns a latch counted down when one is waiting. */
  CountDownLatch hold() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    return entered;
  }

  void release() {
    CountDownLatch hold = release;
    release = null;
    hold.countDown();
  }

  /** The server forgot the Event (Events have a time to live). */
  synchronized void expire(String name) {
    stored.remove(name);
  }

  synchronized List<EventWrite> stored() {
    return List.copyOf(stored.values());
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }
}
