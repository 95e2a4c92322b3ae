package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * What every kind reports: the generation it last acted on, a sentence for people, and conditions
 * in the Kubernetes shape. Each kind's status adds its own {@code phase} enum, which lists every
 * phase the operator writes for that kind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ResourceStatus {
  @JsonPropertyDescription("The metadata.generation of the spec the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("What happened last, in a sentence for people.")
  private String message;

  @JsonPropertyDescription("Ready, plus kind-specific conditions, in the Kubernetes shape.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
