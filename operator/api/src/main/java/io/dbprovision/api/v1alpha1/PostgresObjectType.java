package io.dbprovision.api.v1alpha1;

/** Object class that PostgreSQL default privileges apply to. */
public enum PostgresObjectType {
  tables,
  sequences,
  functions,
  types
}
