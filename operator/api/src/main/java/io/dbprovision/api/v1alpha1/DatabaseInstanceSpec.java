package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A database server and the administrator credentials the operator uses on it. */
public class DatabaseInstanceSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "engine is immutable")
  @JsonPropertyDescription("Server dialect: postgres, mysql or mariadb.")
  private Engine engine;

  @Required
  @JsonPropertyDescription("Address and credentials.")
  private ConnectionSpec connection;

  @JsonPropertyDescription("TLS towards the server.")
  private TlsSpec tls;

  @JsonPropertyDescription("Periodic health check.")
  private HealthCheckSpec healthCheck = new HealthCheckSpec();

  @JsonPropertyDescription(
      "Default drift policy for the databases, users, roles and grants on this instance.")
  private DriftPolicy driftPolicy;

  @JsonPropertyDescription("PostgreSQL connection options.")
  private PostgresConnectionSpec postgres = new PostgresConnectionSpec();

  @Default("true")
  @JsonPropertyDescription(
      "Refuse deletion (with a DeletionBlocked event) until this is false or the force-delete annotation is set.")
  private Boolean deletionProtection = Boolean.TRUE;

  public Engine getEngine() {
    return engine;
  }

  public void setEngine(Engine engine) {
    this.engine = engine;
  }

  public ConnectionSpec getConnection() {
    return connection;
  }

  public void setConnection(ConnectionSpec connection) {
    this.connection = connection;
  }

  public TlsSpec getTls() {
    return tls;
  }

  public void setTls(TlsSpec tls) {
    this.tls = tls;
  }

  public HealthCheckSpec getHealthCheck() {
    return healthCheck;
  }

  public void setHealthCheck(HealthCheckSpec healthCheck) {
    this.healthCheck = healthCheck;
  }

  public DriftPolicy getDriftPolicy() {
    return driftPolicy;
  }

  public void setDriftPolicy(DriftPolicy driftPolicy) {
    this.driftPolicy = driftPolicy;
  }

  public PostgresConnectionSpec getPostgres() {
    return postgres;
  }

  public void setPostgres(PostgresConnectionSpec postgres) {
    this.postgres = postgres;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }
}
