package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** How the operator treats differences between the server and the spec. */
public class DriftPolicy {
  @Default("detect")
  @JsonPropertyDescription(
      "ignore: never compare; detect: compare and report in status.drift and events; correct: also repair non-destructive differences.")
  private DriftMode mode = DriftMode.detect;

  @Default("8h")
  @Pattern(Formats.GO_DURATION)
  @JsonPropertyDescription("How often drift is checked, as a Go duration such as 30m or 8h.")
  private String interval = "8h";

  public DriftMode getMode() {
    return mode;
  }

  public void setMode(DriftMode mode) {
    this.mode = mode;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }
}
