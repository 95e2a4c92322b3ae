package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** MySQL/MariaDB privileges at one level. */
@ValidationRule(
    value = "self.level == 'global' || has(self.database)",
    message = "database is required for every level except global")
public class MySqlGrant {
  @Required
  @JsonPropertyDescription("global (*.*), database (db.*), table, column, procedure or function.")
  private MySqlGrantLevel level;

  @JsonPropertyDescription("Database for every level except global.")
  private String database;

  @JsonPropertyDescription("Table for the table and column levels.")
  private String table;

  @JsonPropertyDescription("Columns for the column level.")
  private List<String> columns;

  @JsonPropertyDescription("Stored procedure for the procedure level.")
  private String procedure;

  @JsonPropertyDescription("Stored function for the function level.")
  private String function;

  @Required
  @Size(min = 1, max = 20)
  @JsonPropertyDescription("Privileges, for example SELECT or ALL PRIVILEGES.")
  private List<@Pattern(Formats.PRIVILEGE) @Size(max = 64) String> privileges;

  @JsonPropertyDescription("The grantee may pass the privileges on.")
  private Boolean withGrantOption;

  public MySqlGrantLevel getLevel() {
    return level;
  }

  public void setLevel(MySqlGrantLevel level) {
    this.level = level;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public List<String> getColumns() {
    return columns;
  }

  public void setColumns(List<String> columns) {
    this.columns = columns;
  }

  public String getProcedure() {
    return procedure;
  }

  public void setProcedure(String procedure) {
    this.procedure = procedure;
  }

  public String getFunction() {
    return function;
  }

  public void setFunction(String function) {
    this.function = function;
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
