package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * PostgreSQL privileges in one database: on the database itself, a schema, or named tables,
 * sequences and functions.
 */
public class PostgresGrant {
  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Database the privileges apply in.")
  private String database;

  @JsonPropertyDescription(
      "Schema; without tables, sequences or functions the privileges apply to the schema (USAGE, CREATE) or, for table privileges, to every table in it.")
  private String schema;

  @JsonPropertyDescription("Tables in the schema.")
  private List<String> tables;

  @JsonPropertyDescription("Sequences in the schema.")
  private List<String> sequences;

  @JsonPropertyDescription("Functions in the schema, by name (every overload).")
  private List<String> functions;

  @Required
  @Size(min = 1, max = 20)
  @JsonPropertyDescription("Privileges, for example SELECT, INSERT or ALL PRIVILEGES.")
  private List<@Pattern(Formats.PRIVILEGE) @Size(max = 64) String> privileges;

  @JsonPropertyDescription("The grantee may pass the privileges on.")
  private Boolean withGrantOption;

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public List<String> getTables() {
    return tables;
  }

  public void setTables(List<String> tables) {
    this.tables = tables;
  }

  public List<String> getSequences() {
    return sequences;
  }

  public void setSequences(List<String> sequences) {
    this.sequences = sequences;
  }

  public List<String> getFunctions() {
    return functions;
  }

  public void setFunctions(List<String> functions) {
    this.functions = functions;
  }

  public List<String> getPrivileges() {
    return privileges;
  }

  public void setPrivileges(List<String> privileges) {
    this.privileges = privileges;
  }

  public Boolean getWithGrantOption() {
    return withGrantOption;
  }

  public void setWithGrantOption(Boolean withGrantOption) {
    this.withGrantOption = withGrantOption;
  }
}
