package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A login on a DatabaseInstance, with its password kept in a Secret. */
public class DatabaseUserSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "instanceRef is immutable")
  @JsonPropertyDescription("The DatabaseInstance that hosts this user.")
  private ResourceRef instanceRef;

  @Required
  @Size(min = 1, max = 63)
  @Pattern(Identifiers.PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "username is immutable")
  @JsonPropertyDescription("The login name on the server.")
  private String username;

  @JsonPropertyDescription(
      "Password generation and the credentials Secret; the Secret is named <username>-credentials when absent.")
  private PasswordSecretSpec passwordSecret;

  @JsonPropertyDescription("Scheduled password rotation.")
  private PasswordRotationSpec passwordRotation;

  @JsonPropertyDescription("PostgreSQL role attributes.")
  private PostgresUserSpec postgres = new PostgresUserSpec();

  @JsonPropertyDescription("MySQL/MariaDB account options.")
  private MySqlUserSpec mysql = new MySqlUserSpec();

  @JsonPropertyDescription("Overrides the instance's drift policy.")
  private DriftPolicy driftPolicy;

  public ResourceRef getInstanceRef() {
    return instanceRef;
  }

  public void setInstanceRef(ResourceRef instanceRef) {
    this.instanceRef = instanceRef;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public PasswordSecretSpec getPasswordSecret() {
    return passwordSecret;
  }

  public void setPasswordSecret(PasswordSecretSpec passwordSecret) {
    this.passwordSecret = passwordSecret;
  }

  public PasswordRotationSpec getPasswordRotation() {
    return passwordRotation;
  }

  public void setPasswordRotation(PasswordRotationSpec passwordRotation) {
    this.passwordRotation = passwordRotation;
  }

  public PostgresUserSpec getPostgres() {
    return postgres;
  }

  public void setPostgres(PostgresUserSpec postgres) {
    this.postgres = postgres;
  }

  public MySqlUserSpec getMysql() {
    return mysql;
  }

  public void setMysql(MySqlUserSpec mysql) {
    this.mysql = mysql;
  }

  public DriftPolicy getDriftPolicy() {
    return driftPolicy;
  }

  public void setDriftPolicy(DriftPolicy driftPolicy) {
    this.driftPolicy = driftPolicy;
  }
}
