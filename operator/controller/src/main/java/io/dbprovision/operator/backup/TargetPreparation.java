package io.dbprovision.operator.backup;

import java.io.IOException;

/**
 * What a restore does to its target once the backup passed validation and before the restore client
 * starts, such as creating the new database. It runs on the worker, so a backup that fails
 * validation never touches the target.
 */
@FunctionalInterface
public interface TargetPreparation {
  TargetPreparation NONE = () -> {};

  /**
   * Prepares the target.
   *
   * @throws IOException with a message for people when the target cannot be prepared; the restore
   *     then fails without starting its client
   */
  void prepare() throws IOException;

  /**
   * Undoes {@link #prepare()} after the restore failed, where that is safe (a database the restore
   * created itself); called at most once, only after {@link #prepare()} succeeded. It must not
   * throw.
   */
  default void discard() {}
}
