package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Map;

/** Metadata for the generated credentials Secret. */
public class SecretTemplate {
  @Default("Opaque")
  @JsonPropertyDescription("Secret type.")
  private String type = "Opaque";

  @JsonPropertyDescription("Labels added to the Secret.")
  private Map<String, String> labels;

  @JsonPropertyDescription("Annotations added to the Secret.")
  private Map<String, String> annotations;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
