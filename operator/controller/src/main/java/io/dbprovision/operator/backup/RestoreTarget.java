package io.dbprovision.operator.backup;

import io.dbprovision.api.v1alpha1.DatabaseRestoreSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.RestoreTargetSpec;

/**
 * Where a DatabaseRestore writes, checked before anything is touched: either a new database on an
 * instance, or in place over an existing Database, which replaces its data and therefore needs the
 * explicit confirmation {@value #DATA_LOSS_CONFIRMATION}.
 *
 * @param inPlace whether the restore replaces an existing Database
 * @param instanceRef the instance that receives a new database (new-database restores)
 * @param databaseName the name of the new database (new-database restores)
 * @param databaseRef the Database restored over (in-place restores)
 */
public record RestoreTarget(
    boolean inPlace, ResourceRef instanceRef, String databaseName, ResourceRef databaseRef) {
  /** The value spec.confirmation.acknowledgeDataLoss must have for an in-place restore. */
  public static final String DATA_LOSS_CONFIRMATION = "I-UNDERSTAND-DATA-LOSS";

  /**
   * Reads and checks the target of a restore.
   *
   * @throws InvalidRestoreException naming the field that is missing or wrong
   */
  public static RestoreTarget of(DatabaseRestoreSpec spec) {
    if (spec.getBackupRef() == null || isBlank(spec.getBackupRef().getName())) {
      throw new InvalidRestoreException("spec.backupRef.name is required");
    }
    RestoreTargetSpec target = spec.getTarget();
    if (target == null) {
      throw new InvalidRestoreException("spec.target is required");
    }
    if (Boolean.TRUE.equals(target.getInPlace())) {
      if (target.getDatabaseRef() == null || isBlank(target.getDatabaseRef().getName())) {
        throw new InvalidRestoreException("an in-place restore needs spec.target.databaseRef.name");
      }
      if (target.getInstanceRef() != null || !isBlank(target.getDatabaseName())) {
        throw new InvalidRestoreException(
            "an in-place restore takes spec.target.databaseRef only, not instanceRef or databaseName");
      }
      String confirmation =
          spec.getConfirmation() == null ? null : spec.getConfirmation().getAcknowledgeDataLoss();
      if (!DATA_LOSS_CONFIRMATION.equals(confirmation)) {
        throw new InvalidRestoreException(
            "an in-place restore replaces the data of "
                + target.getDatabaseRef().getName()
                + "; set spec.confirmation.acknowledgeDataLoss to "
                + DATA_LOSS_CONFIRMATION);
      }
      return new RestoreTarget(true, null, null, target.getDatabaseRef());
    }
    if (target.getDatabaseRef() != null) {
      throw new InvalidRestoreException(
          "spec.target.databaseRef is only used with spec.target.inPlace: true");
    }
    if (target.getInstanceRef() == null || isBlank(target.getInstanceRef().getName())) {
      throw new InvalidRestoreException(
          "a restore into a new database needs spec.target.instanceRef.name");
    }
    if (isBlank(target.getDatabaseName())) {
      throw new InvalidRestoreException(
          "a restore into a new database needs spec.target.databaseName");
    }
    return new RestoreTarget(false, target.getInstanceRef(), target.getDatabaseName(), null);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
