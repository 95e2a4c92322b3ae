package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Required;

/** What to restore. */
public class DatabaseRestoreSpec {
  /** The DatabaseBackup to restore from. */
  @Required private ResourceRef backupRef;

  public ResourceRef getBackupRef() {
    return backupRef;
  }

  public void setBackupRef(ResourceRef backupRef) {
    this.backupRef = backupRef;
  }
}
