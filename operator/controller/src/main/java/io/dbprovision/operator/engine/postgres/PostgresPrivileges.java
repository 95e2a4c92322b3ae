package io.dbprovision.operator.engine.postgres;

import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.model.GrantTarget.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The privileges PostgreSQL knows per object class: the allowlist that every requested privilege
 * must pass, and what {@code ALL PRIVILEGES} expands to, so that a request can be compared with
 * what {@code aclexplode} reports. Only names from these lists are ever written into SQL.
 */
final class PostgresPrivileges {
  private static final Map<Level, List<String>> BY_LEVEL =
      Map.of(
          Level.DATABASE, List.of("CREATE", "CONNECT", "TEMPORARY"),
          Level.SCHEMA, List.of("USAGE", "CREATE"),
          Level.TABLE,
              List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"),
          Level.SEQUENCE, List.of("USAGE", "SELECT", "UPDATE"),
          Level.FUNCTION, List.of("EXECUTE"));

  /** Object classes of default privileges, by the name the CRD uses and pg_default_acl's code. */
  static final Map<String, String> DEFAULT_OBJECT_TYPES =
      Map.of("tables", "r", "sequences", "S", "functions", "f", "types", "T");

  private static final Map<String, List<String>> DEFAULT_PRIVILEGES =
      Map.of(
          "tables", BY_LEVEL.get(Level.TABLE),
          "sequences", BY_LEVEL.get(Level.SEQUENCE),
          "functions", BY_LEVEL.get(Level.FUNCTION),
          "types", List.of("USAGE"));

  private PostgresPrivileges() {}

  /** The privileges of a level on a server (MAINTAIN on tables arrived with PostgreSQL 17). */
  static List<String> of(Level level, int serverVersion) {
    List<String> names = BY_LEVEL.get(level);
    if (names == null) {
      return List.of();
    }
    if (level == Level.TABLE && serverVersion >= 170000) {
      names = new ArrayList<>(names);
      names.add("MAINTAIN");
    }
    return names;
  }

  /** A requested privilege as the server's names: ALL expanded, TEMP spelled out. */
  static List<String> expand(String operation, Level level, String requested, int serverVersion)
      throws InvalidSpecException {
    List<String> known = of(level, serverVersion);
    return expand(operation, known, level.name().toLowerCase(Locale.ROOT), requested);
  }

  static List<String> expandDefault(String operation, String objectType, String requested)
      throws InvalidSpecException {
    List<String> known = DEFAULT_PRIVILEGES.get(objectType);
    if (known == null) {
      throw new InvalidSpecException(
          operation,
          "default privileges apply to tables, sequences, functions or types, not " + objectType);
    }
    return expand(operation, known, objectType, requested);
  }

  private static List<String> expand(
      String operation, List<String> known, String what, String requested)
      throws InvalidSpecException {
    String name = requested == null ? "" : requested.trim().toUpperCase(Locale.ROOT);
    if (name.equals("ALL") || name.equals("ALL PRIVILEGES")) {
      return known;
    }
    if (name.equals("TEMP")) {
      name = "TEMPORARY";
    }
    for (String candidate : known) {
      if (candidate.equals(name)) {
        return List.of(candidate);
      }
    }
    throw new InvalidSpecException(
        operation,
        "privilege "
            + io.dbprovision.operator.engine.Identifiers.display(requested)
            + " does not apply to "
            + what
            + " on PostgreSQL (allowed: "
            + String.join(", ", known)
            + ", ALL PRIVILEGES)");
  }
}
