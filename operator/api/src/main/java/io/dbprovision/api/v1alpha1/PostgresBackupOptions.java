package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.List;

/** pg_dump options for PostgreSQL databases. */
public class PostgresBackupOptions {
  @Default("custom")
  @JsonPropertyDescription("Dump format: custom (restored with pg_restore), plain SQL, or tar.")
  private PostgresDumpFormat format = PostgresDumpFormat.custom;

  @JsonPropertyDescription("Dump the data only, not the schema.")
  private Boolean dataOnly;

  @JsonPropertyDescription("Dump the schema only, not the data.")
  private Boolean schemaOnly;

  @JsonPropertyDescription("Leave out commands that set object ownership.")
  private Boolean noOwner;

  @JsonPropertyDescription("Leave out GRANT and REVOKE commands.")
  private Boolean noPrivileges;

  @JsonPropertyDescription("Dump only these schemas.")
  private List<String> schemas;

  @JsonPropertyDescription("Leave these schemas out.")
  private List<String> excludeSchemas;

  @JsonPropertyDescription("Dump only these tables.")
  private List<String> tables;

  @JsonPropertyDescription("Leave these tables out.")
  private List<String> excludeTables;

  public PostgresDumpFormat getFormat() {
    return format;
  }

  public void setFormat(PostgresDumpFormat format) {
    this.format = format;
  }

  public Boolean getDataOnly() {
    return dataOnly;
  }

  public void setDataOnly(Boolean dataOnly) {
    this.dataOnly = dataOnly;
  }

  public Boolean getSchemaOnly() {
    return schemaOnly;
  }

  public void setSchemaOnly(Boolean schemaOnly) {
    this.schemaOnly = schemaOnly;
  }

  public Boolean getNoOwner() {
    return noOwner;
  }

  public void setNoOwner(Boolean noOwner) {
    this.noOwner = noOwner;
  }

  public Boolean getNoPrivileges() {
    return noPrivileges;
  }

  public void setNoPrivileges(Boolean noPrivileges) {
    this.noPrivileges = noPrivileges;
  }

  public List<String> getSchemas() {
    return schemas;
  }

  public void setSchemas(List<String> schemas) {
    this.schemas = schemas;
  }

  public List<String> getExcludeSchemas() {
    return excludeSchemas;
  }

  public void setExcludeSchemas(List<String> excludeSchemas) {
    this.excludeSchemas = excludeSchemas;
  }

  public List<String> getTables() {
    return tables;
  }

  public void setTables(List<String> tables) {
    this.tables = tables;
  }

  public List<String> getExcludeTables() {
    return excludeTables;
  }

  public void setExcludeTables(List<String> excludeTables) {
    this.excludeTables = excludeTables;
  }
}
