package io.dbprovision.api.v1alpha1;

/**
 * The schema's rule for SQL identifiers (database, user and role names). It is deliberately
 * narrower than what servers accept: a name that passes needs no escaping to be safe, although
 * engines quote it all the same.
 */
public final class Identifiers {
  /** A letter or underscore, then letters, digits and underscores; 1 to 63 characters. */
  public static final String PATTERN = "^[a-zA-Z_][a-zA-Z0-9_]{0,62}$";

  private Identifiers() {}
}
