package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.MySqlUserSpec;
import java.util.List;

/**
 * MySQL/MariaDB account options. A login exists once per host pattern in {@code hosts}; limits of 0
 * mean no limit. {@code authPlugin} is honoured on MySQL; MariaDB has neither caching_sha2_password
 * nor sha256_password and uses mysql_native_password.
 */
public record MySqlAccount(
    List<String> hosts,
    int maxQueriesPerHour,
    int maxUpdatesPerHour,
    int maxConnectionsPerHour,
    int maxUserConnections,
    String authPlugin,
    boolean requireSsl,
    boolean requireX509,
    boolean accountLocked) {

  public static final MySqlAccount DEFAULTS =
      new MySqlAccount(List.of("%"), 0, 0, 0, 0, "caching_sha2_password", false, false, false);

  public MySqlAccount {
    hosts = List.copyOf(hosts.isEmpty() ? List.of("%") : hosts);
  }

  /** A DatabaseUser's mysql block; absent fields take the schema's defaults. */
  public static MySqlAccount from(MySqlUserSpec spec) {
    if (spec == null) {
      return DEFAULTS;
    }
    return new MySqlAccount(
        spec.getAllowedHosts() == null ? List.of("%") : spec.getAllowedHosts(),
        orZero(spec.getMaxQueriesPerHour()),
        orZero(spec.getMaxUpdatesPerHour()),
        orZero(spec.getMaxConnectionsPerHour()),
        orZero(spec.getMaxUserConnections()),
        spec.getAuthPlugin() == null ? DEFAULTS.authPlugin() : spec.getAuthPlugin().name(),
        Boolean.TRUE.equals(spec.getRequireSSL()),
        Boolean.TRUE.equals(spec.getRequireX509()),
        Boolean.TRUE.equals(spec.getAccountLocked()));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  public MySqlAccount withHosts(List<String> value) {
    return new MySqlAccount(
        value,
        maxQueriesPerHour,
        maxUpdatesPerHour,
        maxConnectionsPerHour,
        maxUserConnections,
        authPlugin,
        requireSsl,
        requireX509,
        accountLocked);
  }
}
