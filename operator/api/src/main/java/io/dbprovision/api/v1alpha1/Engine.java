package io.dbprovision.api.v1alpha1;

/**
 * The database servers the operator speaks to. Constants are spelled as the CRD enum values (lower
 * case), which is what users write in manifests. {@code mariadb} speaks the MySQL protocol.
 */
public enum Engine {
  postgres,
  mysql,
  mariadb
}
