package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** MySQL/MariaDB settings of a database. */
public class MySqlDatabaseSpec {
  @Default("utf8mb4")
  @Pattern("^[a-zA-Z0-9_]+$")
  @JsonPropertyDescription("Default character set.")
  private String charset = "utf8mb4";

  @Default("utf8mb4_unicode_ci")
  @Pattern("^[a-zA-Z0-9_]+$")
  @JsonPropertyDescription("Default collation.")
  private String collation = "utf8mb4_unicode_ci";

  public String getCharset() {
    return charset;
  }

  public void setCharset(String charset) {
    this.charset = charset;
  }

  public String getCollation() {
    return collation;
  }

  public void setCollation(String collation) {
    this.collation = collation;
  }
}
