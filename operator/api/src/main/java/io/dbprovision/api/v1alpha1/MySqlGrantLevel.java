package io.dbprovision.api.v1alpha1;

/** The MySQL privilege level a grant applies to. */
public enum MySqlGrantLevel {
  global,
  database,
  table,
  column,
  procedure,
  function
}
