package io.dbprovision.operator.model;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * The object a privilege is on. Which parts are set depends on the level: MySQL uses {@code
 * database}, {@code object} and {@code column}; PostgreSQL uses {@code database} (where the object
 * lives), {@code schema} and {@code object}.
 *
 * <p>In a requested grant set, {@code object} may be {@link #EVERY} (every table of a schema, for
 * instance); an engine resolves that against its catalogs before comparing. For PostgreSQL
 * functions, {@code object} is first a plain name and, once resolved, the signature the server
 * prints (one target per overload).
 */
public record GrantTarget(Level level, String database, String schema, String object, String column)
    implements Comparable<GrantTarget> {

  /** Stands for every object of the level in the schema. */
  public static final String EVERY = "*";

  public enum Level {
    GLOBAL,
    DATABASE,
    SCHEMA,
    TABLE,
    COLUMN,
    SEQUENCE,
    FUNCTION,
    PROCEDURE
  }

  public GrantTarget {
    Objects.requireNonNull(level, "level");
  }

  public static GrantTarget global() {
    return new GrantTarget(Level.GLOBAL, null, null, null, null);
  }

  public static GrantTarget database(String database) {
    return new GrantTarget(Level.DATABASE, database, null, null, null);
  }

  public static GrantTarget schema(String database, String schema) {
    return new GrantTarget(Level.SCHEMA, database, schema, null, null);
  }

  public static GrantTarget of(Level level, String database, String schema, String object) {
    return new GrantTarget(level, database, schema, object, null);
  }

  public static GrantTarget column(String database, String table, String column) {
    return new GrantTarget(Level.COLUMN, database, null, table, column);
  }

  public boolean isWildcard() {
    return EVERY.equals(object);
  }

  /** A dotted path for drift reports and events, such as {@code table.orders.app.lines}. */
  public String path() {
    StringJoiner path = new StringJoiner(".");
    path.add(level.name().toLowerCase(java.util.Locale.ROOT));
    for (String part : new String[] {database, schema, object, column}) {
      if (part != null) {
        path.add(part);
      }
    }
    return path.toString();
  }

  @Override
  public int compareTo(GrantTarget other) {
    return path().compareTo(other.path());
  }

  @Override
  public String toString() {
    return path();
  }
}
