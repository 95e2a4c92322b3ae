package io.dbprovision.operator.backup;

import java.time.Duration;

/** How a backup ended. Nothing is left in storage unless it {@link Completed}. */
public sealed interface BackupOutcome {
  /** How long the run took. */
  Duration duration();

  /** The backup is stored: phase Completed, event Completed. */
  record Completed(BackupArtifact artifact, Duration duration) implements BackupOutcome {}

  /**
   * The backup failed: phase Failed, event Failed. The message names the step and carries the
   * client's last lines of output; it holds no credentials.
   */
  record Failed(String message, Duration duration) implements BackupOutcome {}

  /**
   * The run passed activeDeadlineSeconds and its client was killed: phase Failed, reason
   * DeadlineExceeded.
   */
  record DeadlineExceeded(Duration deadline, Duration duration) implements BackupOutcome {}
}
