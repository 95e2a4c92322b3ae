package io.dbprovision.operator.engine.mysql;

/**
 * Which server speaks the MySQL protocol, read from {@code VERSION()}. They differ where this
 * engine cares: role storage (MariaDB {@code mysql.roles_mapping}, MySQL {@code mysql.role_edges}),
 * how a role is named ({@code `r`} against {@code 'r'@'%'}), where account locks are kept,
 * authentication plugins, and a few privilege names. Only MariaDB 10.11 is tested here; the MySQL 8
 * branches follow the MySQL 8 reference manual.
 */
enum MySqlFlavor {
  MARIADB,
  MYSQL;

  static MySqlFlavor of(String version) {
    return version != null && version.toLowerCase(java.util.Locale.ROOT).contains("mariadb")
        ? MARIADB
        : MYSQL;
  }
}
