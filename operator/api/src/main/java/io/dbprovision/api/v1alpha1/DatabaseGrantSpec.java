package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Privileges and role memberships for one user or role; the server is made to match exactly,
 * revoking what is no longer listed.
 */
@ValidationRule(
    value = "has(self.userRef) || has(self.roleRef)",
    message = "either userRef or roleRef must be specified")
@ValidationRule(
    value = "!(has(self.userRef) && has(self.roleRef))",
    message = "userRef and roleRef are mutually exclusive")
public class DatabaseGrantSpec {
  @JsonPropertyDescription("The DatabaseUser that receives the privileges.")
  private ResourceRef userRef;

  @JsonPropertyDescription("The DatabaseRole that receives the privileges.")
  private ResourceRef roleRef;

  @JsonPropertyDescription("The Database the grant belongs to; its deletion waits for this grant.")
  private ResourceRef databaseRef;

  @JsonPropertyDescription("PostgreSQL memberships and privileges.")
  private PostgresGrantSpec postgres;

  @JsonPropertyDescription("MySQL/MariaDB memberships and privileges.")
  private MySqlGrantSpec mysql;

  @JsonPropertyDescription("Overrides the instance's drift policy.")
  private DriftPolicy driftPolicy;

  @Default("true")
  @JsonPropertyDescription(
      "Refuse deletion (which revokes everything) until this is false or the force-delete annotation is set.")
  private Boolean deletionProtection = Boolean.TRUE;

  public ResourceRef getUserRef() {
    return userRef;
  }

  public void setUserRef(ResourceRef userRef) {
    this.userRef = userRef;
  }

  public ResourceRef getRoleRef() {
    return roleRef;
  }

  public void setRoleRef(ResourceRef roleRef) {
    this.roleRef = roleRef;
  }

  public ResourceRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(ResourceRef databaseRef) {
    this.databaseRef = databaseRef;
  }

  public PostgresGrantSpec getPostgres() {
    return postgres;
  }

  public void setPostgres(PostgresGrantSpec postgres) {
    this.postgres = postgres;
  }

  public MySqlGrantSpec getMysql() {
    return mysql;
  }

  public void setMysql(MySqlGrantSpec mysql) {
    this.mysql = mysql;
  }

  public DriftPolicy getDriftPolicy() {
    return driftPolicy;
  }

  public void setDriftPolicy(DriftPolicy driftPolicy) {
    this.driftPolicy = driftPolicy;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }
}
