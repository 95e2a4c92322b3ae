package io.dbprovision.operator.backup;

import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of one run. When it passes, the executor calls {@link #expire()}, which kills the
 * client process the pipeline attached; the pipeline then reports a deadline outcome.
 */
public final class Deadline {
  private final Duration limit;
  private Process process;
  private boolean expired;

  private Deadline(Duration limit) {
    this.limit = limit;
  }

  /** A deadline of {@code limit} from the start of the run; someone must call {@link #expire()}. */
  public static Deadline of(Duration limit) {
    return new Deadline(limit);
  }

  /** A deadline nobody expires, for callers that run a pipeline directly. */
  public static Deadline none() {
    return new Deadline(null);
  }

  /** The limit, if there is one. */
  public Optional<Duration> limit() {
    return Optional.ofNullable(limit);
  }

  synchronized void attach(Process process) {
    this.process = process;
    if (expired) {
      process.destroyForcibly();
    }
  }

  /** Marks the run as over its deadline and kills its client process. */
  public synchronized void expire() {
    expired = true;
    if (process != null) {
      process.destroyForcibly();
    }
  }

  public synchronized boolean expired() {
    return expired;
  }
}
