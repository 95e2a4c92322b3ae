package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** PostgreSQL settings of a database. Encoding, locale and template only apply at creation. */
public class PostgresDatabaseSpec {
  @Default("UTF8")
  @ValidationRule(value = "self == oldSelf", message = "encoding is immutable")
  @JsonPropertyDescription("Character set encoding.")
  private String encoding = "UTF8";

  @ValidationRule(value = "self == oldSelf", message = "lcCollate is immutable")
  @JsonPropertyDescription("LC_COLLATE; the template's when empty.")
  private String lcCollate;

  @ValidationRule(value = "self == oldSelf", message = "lcCtype is immutable")
  @JsonPropertyDescription("LC_CTYPE; the template's when empty.")
  private String lcCtype;

  @Default("pg_default")
  @JsonPropertyDescription("Default tablespace.")
  private String tablespace = "pg_default";

  @Default("template0")
  @JsonPropertyDescription("Template database to copy at creation.")
  private String template = "template0";

  @Default("-1")
  @Min(-1)
  @JsonPropertyDescription("Maximum concurrent connections; -1 for no limit.")
  private Integer connectionLimit = -1;

  @JsonPropertyDescription("Mark the database as a template that others may be created from.")
  private Boolean isTemplate;

  @JsonPropertyDescription("Extensions to install.")
  private List<PostgresExtension> extensions;

  @JsonPropertyDescription("Schemas to create.")
  private List<PostgresSchema> schemas;

  public String getEncoding() {
    return encoding;
  }

  public void setEncoding(String encoding) {
    this.encoding = encoding;
  }

  public String getLcCollate() {
    return lcCollate;
  }

  public void setLcCollate(String lcCollate) {
    this.lcCollate = lcCollate;
  }

  public String getLcCtype() {
    return lcCtype;
  }

  public void setLcCtype(String lcCtype) {
    this.lcCtype = lcCtype;
  }

  public String getTablespace() {
    return tablespace;
  }

  public void setTablespace(String tablespace) {
    this.tablespace = tablespace;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public Integer getConnectionLimit() {
    return connectionLimit;
  }

  public void setConnectionLimit(Integer connectionLimit) {
    this.connectionLimit = connectionLimit;
  }

  public Boolean getIsTemplate() {
    return isTemplate;
  }

  public void setIsTemplate(Boolean isTemplate) {
    this.isTemplate = isTemplate;
  }

  public List<PostgresExtension> getExtensions() {
    return extensions;
  }

  public void setExtensions(List<PostgresExtension> extensions) {
    this.extensions = extensions;
  }

  public List<PostgresSchema> getSchemas() {
    return schemas;
  }

  public void setSchemas(List<PostgresSchema> schemas) {
    this.schemas = schemas;
  }
}
