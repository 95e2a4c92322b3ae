package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One field whose value on the server differs from the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftDiff {
  @Required
  @JsonPropertyDescription("Dotted name of the differing field, for example owner or roles.extra.")
  private String field;

  @Required
  @JsonPropertyDescription("Value the spec asks for.")
  private String expected;

  @Required
  @JsonPropertyDescription("Value found on the server.")
  private String actual;

  @JsonPropertyDescription(
      "Correcting it would take something away; only done with the allow-destructive-drift annotation.")
  private Boolean destructive;

  @JsonPropertyDescription("The server cannot change it in place; it is reported, never corrected.")
  private Boolean immutable;

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getExpected() {
    return expected;
  }

  public void setExpected(String expected) {
    this.expected = expected;
  }

  public String getActual() {
    return actual;
  }

  public void setActual(String actual) {
    this.actual = actual;
  }

  public Boolean getDestructive() {
    return destructive;
  }

  public void setDestructive(Boolean destructive) {
    this.destructive = destructive;
  }

  public Boolean getImmutable() {
    return immutable;
  }

  public void setImmutable(Boolean immutable) {
    this.immutable = immutable;
  }
}
