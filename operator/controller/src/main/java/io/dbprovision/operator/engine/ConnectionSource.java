package io.dbprovision.operator.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where an engine gets its connections: the instance's administrative database, or (PostgreSQL,
 * whose schemas and object privileges live per database) a named database on the same server, with
 * the same credentials. Callers close what they get; pooled implementations reuse it.
 */
public interface ConnectionSource {
  Connection admin() throws SQLException;

  Connection database(String name) throws SQLException;
}
