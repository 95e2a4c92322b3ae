package io.dbprovision.testkit.db;

import java.util.Map;

/**
 * The real database servers tests run against, and the environment variables that say where they
 * are. By default they are the servers every machine of this project runs on loopback: PostgreSQL
 * on 127.0.0.1:5432 (user postgres) and MariaDB on 127.0.0.1:3306 (user root), both without a
 * password. On a laptop, point them elsewhere:
 *
 * <pre>
 * DBPROVISION_TEST_POSTGRES=host:port  DBPROVISION_TEST_POSTGRES_USER=...  DBPROVISION_TEST_POSTGRES_PASSWORD=...
 * DBPROVISION_TEST_MARIADB=host:port   DBPROVISION_TEST_MARIADB_USER=...   DBPROVISION_TEST_MARIADB_PASSWORD=...
 * </pre>
 *
 * The user must be able to create and drop databases, users and roles, and grant anything.
 */
public enum TestServer {
  POSTGRES("PostgreSQL", "DBPROVISION_TEST_POSTGRES", "127.0.0.1:5432", "postgres", "postgres"),
  MARIADB("MariaDB", "DBPROVISION_TEST_MARIADB", "127.0.0.1:3306", "root", "mysql");

  private final String product;
  private final String envPrefix;
  private final String defaultAddress;
  private final String defaultUser;
  private final String adminDatabase;

  TestServer(
      String product,
      String envPrefix,
      String defaultAddress,
      String defaultUser,
      String adminDatabase) {
    this.product = product;
    this.envPrefix = envPrefix;
    this.defaultAddress = defaultAddress;
    this.defaultUser = defaultUser;
    this.adminDatabase = adminDatabase;
  }

  public String product() {
    return product;
  }

  /** The variable holding {@code host:port}; {@code _USER} and {@code _PASSWORD} go beside it. */
  public String envVariable() {
    return envPrefix;
  }

  /** Where this server is, read from the environment with the loopback defaults. */
  DatabaseServer locate(Map<String, String> env) {
    String address = env.getOrDefault(envPrefix, defaultAddress);
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          envPrefix + "=" + address + " is not host:port (for example " + defaultAddress + ")");
    }
    return new DatabaseServer(
        this,
        address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)),
        env.getOrDefault(envPrefix + "_USER", defaultUser),
        env.getOrDefault(envPrefix + "_PASSWORD", ""),
        adminDatabase);
  }
}
