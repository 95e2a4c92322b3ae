package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The database a backup is restored into. */
public class RestoreTargetSpec {
  @JsonPropertyDescription("DatabaseInstance that receives a new database named databaseName.")
  private ResourceRef instanceRef;

  @JsonPropertyDescription("Name of the new database on instanceRef; it must not exist yet.")
  private String databaseName;

  @JsonPropertyDescription(
      "Restore over the existing database of databaseRef; needs the data-loss confirmation.")
  private Boolean inPlace;

  @JsonPropertyDescription("Database restored over in place.")
  private ResourceRef databaseRef;

  public ResourceRef getInstanceRef() {
    return instanceRef;
  }

  public void setInstanceRef(ResourceRef instanceRef) {
    this.instanceRef = instanceRef;
  }

  public String getDatabaseName() {
    return databaseName;
  }

  public void setDatabaseName(String databaseName) {
    this.databaseName = databaseName;
  }

  public Boolean getInPlace() {
    return inPlace;
  }

  public void setInPlace(Boolean inPlace) {
    this.inPlace = inPlace;
  }

  public ResourceRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(ResourceRef databaseRef) {
    this.databaseRef = databaseRef;
  }
}
