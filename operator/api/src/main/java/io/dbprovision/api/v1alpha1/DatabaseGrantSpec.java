package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Required;

/** Who gets privileges, and where. */
public class DatabaseGrantSpec {
  /** The DatabaseUser that receives the privileges. */
  @Required private ResourceRef userRef;

  /** The Database the privileges apply to. */
  private ResourceRef databaseRef;

  public ResourceRef getUserRef() {
    return userRef;
  }

  public void setUserRef(ResourceRef userRef) {
    this.userRef = userRef;
  }

  public ResourceRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(ResourceRef databaseRef) {
    this.databaseRef = databaseRef;
  }
}
