package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An extension to install in the database. */
public class PostgresExtension {
  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Extension name, as in pg_available_extensions.")
  private String name;

  @Default("public")
  @JsonPropertyDescription("Schema to install the extension into.")
  private String schema = "public";

  @JsonPropertyDescription(
      "Version to install; the default version when empty. Reported as drift when different.")
  private String version;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
