package io.dbprovision.exporter.watch;

import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers' exception handler: counts every list/watch failure and logs it (the Go tool
 * replaces client-go's handler with one that only counts, which hides RBAC and connection
 * problems). Retries as fabric8 does by default: once started, unless the payload cannot be read.
 *
 * <p>fabric8 (7.5) re-opens a dropped watch connection by itself, with backoff and without limit,
 * and tells the informer nothing: {@link WatchDrops} counts those. What is counted here: failed
 * lists (start, relist after a 410) and watches fabric8 gives up on.
 */
final class WatchErrors implements ExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WatchErrors.class);

  private final String what;
  private final Runnable counter;

  WatchErrors(String what, Runnable counter) {
    this.what = what;
    this.counter = counter;
  }

  @Override
  public boolean retryAfterException(boolean isStarted, Throwable t) {
    counter.run();
    boolean retry = isStarted && !ExceptionHandler.isDeserializationException(t);
    LOG.warn("watch on {} failed ({}){}", what, t.toString(), retry ? "; retrying" : "");
    return retry;
  }
}
