package io.dbprovision.operator;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reconcilers hold that must be released when the process stops, such as the connection
 * pools to the database servers. {@link OperatorProcess} closes it after JOSDK has stopped, so no
 * reconcile is still using what is closed; resources close in reverse order of registration.
 */
public final class Shutdown {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean done;

  /** Registers {@code resource} to be closed on stop, and returns it. */
  public synchronized <T extends AutoCloseable> T closeOnStop(T resource) {
    if (done) {
      throw new IllegalStateException("the process has stopped");
    }
    resources.push(resource);
    return resource;
  }

  /** Closes everything registered, once; a failure is logged and the rest still close. */
  synchronized void run() {
    done = true;
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Could not close {} cleanly on stop", resource.getClass().getSimpleName(), e);
      }
    }
  }
}
