package io.dbprovision.operator.backup;

import java.time.Duration;

/** How a restore ended. */
public sealed interface RestoreOutcome {
  Duration duration();

  /** Every byte was restored: phase Completed, event Completed. */
  record Completed(long storedBytes, Duration duration) implements RestoreOutcome {}

  /**
   * The backup cannot be restored (missing object, checksum mismatch) and the target was not
   * touched: phase Failed, event ValidationFailed.
   */
  record ValidationFailed(String message, Duration duration) implements RestoreOutcome {}

  /** The restore client failed: phase Failed, event Failed. */
  record Failed(String message, Duration duration) implements RestoreOutcome {}

  /** The run passed activeDeadlineSeconds and its client was killed: event DeadlineExceeded. */
  record DeadlineExceeded(Duration deadline, Duration duration) implements RestoreOutcome {}
}
