package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A logical database on a DatabaseInstance. */
public class DatabaseSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "instanceRef is immutable")
  @JsonPropertyDescription("The DatabaseInstance that hosts this database.")
  private ResourceRef instanceRef;

  @Required
  @Size(min = 1, max = 63)
  @Pattern(Identifiers.PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "database name is immutable")
  @JsonPropertyDescription("The database's name on the server.")
  private String name;

  @Size(max = 63)
  @Pattern(Identifiers.PATTERN)
  @JsonPropertyDescription(
      "Role that owns the database (PostgreSQL); the operator's user when empty.")
  private String owner;

  @Default("Delete")
  @JsonPropertyDescription(
      "Delete drops the database (ending its sessions first); Retain leaves it on the server.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Delete;

  @Default("true")
  @JsonPropertyDescription(
      "Refuse deletion until this is false or the force-delete annotation is set.")
  private Boolean deletionProtection = Boolean.TRUE;

  @JsonPropertyDescription("Overrides the instance's drift policy.")
  private DriftPolicy driftPolicy;

  @JsonPropertyDescription("PostgreSQL settings.")
  private PostgresDatabaseSpec postgres = new PostgresDatabaseSpec();

  @JsonPropertyDescription("MySQL/MariaDB settings.")
  private MySqlDatabaseSpec mysql = new MySqlDatabaseSpec();

  public ResourceRef getInstanceRef() {
    return instanceRef;
  }

  public void setInstanceRef(ResourceRef instanceRef) {
    this.instanceRef = instanceRef;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }

  public DriftPolicy getDriftPolicy() {
    return driftPolicy;
  }

  public void setDriftPolicy(DriftPolicy driftPolicy) {
    this.driftPolicy = driftPolicy;
  }

  public PostgresDatabaseSpec getPostgres() {
    return postgres;
  }

  public void setPostgres(PostgresDatabaseSpec postgres) {
    this.postgres = postgres;
  }

  public MySqlDatabaseSpec getMysql() {
    return mysql;
  }

  public void setMysql(MySqlDatabaseSpec mysql) {
    this.mysql = mysql;
  }
}
