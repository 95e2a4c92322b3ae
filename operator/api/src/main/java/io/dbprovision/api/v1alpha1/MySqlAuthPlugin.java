package io.dbprovision.api.v1alpha1;

/**
 * Authentication plugin for a MySQL account. MariaDB has only mysql_native_password of these; the
 * others fall back to it there.
 */
public enum MySqlAuthPlugin {
  mysql_native_password,
  caching_sha2_password,
  sha256_password
}
