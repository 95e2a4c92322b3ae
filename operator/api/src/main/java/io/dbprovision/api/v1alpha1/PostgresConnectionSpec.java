package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** PostgreSQL connection options. */
public class PostgresConnectionSpec {
  @Default("prefer")
  @JsonPropertyDescription("sslmode used when tls.enabled is false.")
  private PostgresSslMode sslMode = PostgresSslMode.prefer;

  @Default("10")
  @Min(1)
  @JsonPropertyDescription("Seconds to wait for a new connection.")
  private Integer connectTimeout = 10;

  @Default("db-provision-operator")
  @JsonPropertyDescription("application_name the operator's sessions show in pg_stat_activity.")
  private String applicationName = "db-provision-operator";

  public PostgresSslMode getSslMode() {
    return sslMode;
  }

  public void setSslMode(PostgresSslMode sslMode) {
    this.sslMode = sslMode;
  }

  public Integer getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Integer connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public String getApplicationName() {
    return applicationName;
  }

  public void setApplicationName(String applicationName) {
    this.applicationName = applicationName;
  }
}
