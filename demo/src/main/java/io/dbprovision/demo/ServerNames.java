package io.dbprovision.demo;

import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names the demo's resources ask for on the server, unique per run ({@code demo_<run>_...}), so
 * that the demo never touches what it did not create, and everything it created is dropped at the
 * end, whether or not the operator got to it.
 */
record ServerNames(String run, String ordersDatabase, String archiveDatabase, String login) {
  private static final SecureRandom RANDOM = new SecureRandom();

  static ServerNames unique() {
    String run = Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36).toLowerCase(Locale.ROOT);
    String prefix = "demo_" + run + "_";
    return new ServerNames(run, prefix + "orders", prefix + "archive", prefix + "app");
  }

  /** The manifest placeholders these names fill in. */
  Map<String, String> placeholders() {
    return Map.of(
        "ORDERS_DATABASE", ordersDatabase,
        "ARCHIVE_DATABASE", archiveDatabase,
        "LOGIN", login);
  }

  /**
   * Drops the databases, then the login (which the grant may reference in them), and says what was
   * dropped; a failure is reported and the rest still attempted.
   */
  List<String> dropAll(DatabaseEngine engine) {
    List<String> report = new ArrayList<>();
    for (String database : List.of(ordersDatabase, archiveDatabase)) {
      try {
        if (engine.dropDatabase(database).changed()) {
          report.add("dropped database " + database);
        }
      } catch (EngineException e) {
        report.add("could not drop database " + database + ": " + e.getMessage());
      }
    }
    try {
      if (engine.dropUser(login).changed()) {
        report.add("dropped login " + login);
      }
    } catch (EngineException e) {
      report.add("could not drop login " + login + ": " + e.getMessage());
    }
    return report;
  }
}
