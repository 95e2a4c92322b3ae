package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import java.util.ArrayList;
import java.util.List;

/** MySQL/MariaDB account options. */
public class MySqlUserSpec {
  @Default("0")
  @Min(0)
  @JsonPropertyDescription("MAX_QUERIES_PER_HOUR; 0 for no limit.")
  private Integer maxQueriesPerHour = 0;

  @Default("0")
  @Min(0)
  @JsonPropertyDescription("MAX_UPDATES_PER_HOUR; 0 for no limit.")
  private Integer maxUpdatesPerHour = 0;

  @Default("0")
  @Min(0)
  @JsonPropertyDescription("MAX_CONNECTIONS_PER_HOUR; 0 for no limit.")
  private Integer maxConnectionsPerHour = 0;

  @Default("0")
  @Min(0)
  @JsonPropertyDescription("MAX_USER_CONNECTIONS; 0 for no limit.")
  private Integer maxUserConnections = 0;

  @Default("caching_sha2_password")
  @JsonPropertyDescription("Authentication plugin (MySQL 8); MariaDB uses mysql_native_password.")
  private MySqlAuthPlugin authPlugin = MySqlAuthPlugin.caching_sha2_password;

  @JsonPropertyDescription("REQUIRE SSL.")
  private Boolean requireSSL;

  @JsonPropertyDescription("REQUIRE X509.")
  private Boolean requireX509;

  @Default("[\"%\"]")
  @JsonPropertyDescription("Hosts the account may connect from; one account per host.")
  private List<String> allowedHosts = new ArrayList<>(List.of("%"));

  @JsonPropertyDescription("ACCOUNT LOCK.")
  private Boolean accountLocked;

  public Integer getMaxQueriesPerHour() {
    return maxQueriesPerHour;
  }

  public void setMaxQueriesPerHour(Integer maxQueriesPerHour) {
    this.maxQueriesPerHour = maxQueriesPerHour;
  }

  public Integer getMaxUpdatesPerHour() {
    return maxUpdatesPerHour;
  }

  public void setMaxUpdatesPerHour(Integer maxUpdatesPerHour) {
    this.maxUpdatesPerHour = maxUpdatesPerHour;
  }

  public Integer getMaxConnectionsPerHour() {
    return maxConnectionsPerHour;
  }

  public void setMaxConnectionsPerHour(Integer maxConnectionsPerHour) {
    this.maxConnectionsPerHour = maxConnectionsPerHour;
  }

  public Integer getMaxUserConnections() {
    return maxUserConnections;
  }

  public void setMaxUserConnections(Integer maxUserConnections) {
    this.maxUserConnections = maxUserConnections;
  }

  public MySqlAuthPlugin getAuthPlugin() {
    return authPlugin;
  }

  public void setAuthPlugin(MySqlAuthPlugin authPlugin) {
    this.authPlugin = authPlugin;
  }

  public Boolean getRequireSSL() {
    return requireSSL;
  }

  public void setRequireSSL(Boolean requireSSL) {
    this.requireSSL = requireSSL;
  }

  public Boolean getRequireX509() {
    return requireX509;
  }

  public void setRequireX509(Boolean requireX509) {
    this.requireX509 = requireX509;
  }

  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  public Boolean getAccountLocked() {
    return accountLocked;
  }

  public void setAccountLocked(Boolean accountLocked) {
    this.accountLocked = accountLocked;
  }
}
