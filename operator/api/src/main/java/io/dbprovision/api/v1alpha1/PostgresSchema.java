package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A schema to create in the database. */
public class PostgresSchema {
  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Schema name.")
  private String name;

  @Size(max = 63)
  @JsonPropertyDescription("Role that owns the schema; the database owner when empty.")
  private String owner;

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
}
