package io.dbprovision.operator.engine.mysql;

import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.model.GrantTarget.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The privileges this engine grants per level, and what {@code ALL PRIVILEGES} expands to there
 * (what {@code information_schema} reports after {@code GRANT ALL}). Only names from these lists
 * are written into SQL. {@code ALL} at the global level is refused: it includes administrative
 * privileges that should be listed one by one on purpose.
 */
final class MySqlPrivileges {
  private static final List<String> TABLE =
      List.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "DROP",
          "REFERENCES",
          "INDEX",
          "ALTER",
          "CREATE VIEW",
          "SHOW VIEW",
          "TRIGGER");
  private static final List<String> DATABASE =
      List.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "DROP",
          "REFERENCES",
          "INDEX",
          "ALTER",
          "CREATE TEMPORARY TABLES",
          "LOCK TABLES",
          "EXECUTE",
          "CREATE VIEW",
          "SHOW VIEW",
          "CREATE ROUTINE",
          "ALTER ROUTINE",
          "EVENT",
          "TRIGGER");
  private static final List<String> GLOBAL_EXTRA =
      List.of(
          "RELOAD",
          "SHUTDOWN",
          "PROCESS",
          "FILE",
          "SHOW DATABASES",
          "SUPER",
          "REPLICATION SLAVE",
          "CREATE USER",
          "CREATE TABLESPACE");
  private static final List<String> COLUMN = List.of("SELECT", "INSERT", "UPDATE", "REFERENCES");
  private static final List<String> ROUTINE = List.of("EXECUTE", "ALTER ROUTINE");

  private MySqlPrivileges() {}

  static List<String> of(Level level, MySqlFlavor flavor) {
    List<String> names =
        switch (level) {
          case GLOBAL -> {
            List<String> all = new ArrayList<>(DATABASE);
            all.addAll(GLOBAL_EXTRA);
            // MariaDB 10.5 renamed REPLICATION CLIENT; MySQL keeps the old name.
            all.add(flavor == MySqlFlavor.MARIADB ? "BINLOG MONITOR" : "REPLICATION CLIENT");
            yield all;
          }
          case DATABASE -> DATABASE;
          case TABLE -> TABLE;
          case COLUMN -> COLUMN;
          case PROCEDURE, FUNCTION -> ROUTINE;
          default -> List.of();
        };
    if (flavor == MySqlFlavor.MARIADB
        && (level == Level.DATABASE || level == Level.TABLE || level == Level.GLOBAL)) {
      names = new ArrayList<>(names);
      names.add("DELETE HISTORY");
    }
    return names;
  }

  static List<String> expand(String op, Level level, String requested, MySqlFlavor flavor)
      throws InvalidSpecException {
    List<String> known = of(level, flavor);
    String what = level.name().toLowerCase(Locale.ROOT) + " level";
    if (known.isEmpty()) {
      throw new InvalidSpecException(op, "MySQL has no " + what + " privileges");
    }
    String name = requested == null ? "" : requested.trim().toUpperCase(Locale.ROOT);
    if (name.equals("ALL") || name.equals("ALL PRIVILEGES")) {
      if (level == Level.GLOBAL) {
        throw new InvalidSpecException(
            op, "ALL PRIVILEGES at the global level is not granted; list the privileges");
      }
      return known;
    }
    for (String candidate : known) {
      if (candidate.equals(name)) {
        return List.of(candidate);
      }
    }
    throw new InvalidSpecException(
        op,
        "privilege "
            + Identifiers.display(requested)
            + " does not apply at the "
            + what
            + " (allowed: "
            + String.join(", ", known)
            + ", ALL PRIVILEGES)");
  }
}
