package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Required;

/** What to back up. */
public class DatabaseBackupSpec {
  /** The Database to back up. */
  @Required private ResourceRef databaseRef;

  public ResourceRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(ResourceRef databaseRef) {
    this.databaseRef = databaseRef;
  }
}
