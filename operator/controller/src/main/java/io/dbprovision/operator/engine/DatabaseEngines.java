package io.dbprovision.operator.engine;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.engine.mysql.MySqlEngine;
import io.dbprovision.operator.engine.postgres.PostgresEngine;
import java.time.Duration;

/** Picks the engine for a DatabaseInstance's {@code spec.engine}. */
public final class DatabaseEngines {
  private final Duration statementTimeout;

  /**
   * @param statementTimeout how long one catalog query or DDL statement may run
   */
  public DatabaseEngines(Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public DatabaseEngine engineFor(Engine engine, ConnectionSource connections) {
    return switch (engine) {
      case postgres -> new PostgresEngine(connections, statementTimeout);
      case mysql, mariadb -> new MySqlEngine(connections, statementTimeout);
    };
  }
}
