package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** Periodic connection check that records the server version. */
public class HealthCheckSpec {
  @Default("true")
  @JsonPropertyDescription(
      "Run the periodic check; when false the instance is checked only when its spec changes.")
  private Boolean enabled = Boolean.TRUE;

  @Default("30")
  @Min(5)
  @JsonPropertyDescription("Seconds between checks.")
  private Integer intervalSeconds = 30;

  @Default("5")
  @Min(1)
  @JsonPropertyDescription("Seconds a check may take before the server counts as unreachable.")
  private Integer timeoutSeconds = 5;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getIntervalSeconds() {
    return intervalSeconds;
  }

  public void setIntervalSeconds(Integer intervalSeconds) {
    this.intervalSeconds = intervalSeconds;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }
}
