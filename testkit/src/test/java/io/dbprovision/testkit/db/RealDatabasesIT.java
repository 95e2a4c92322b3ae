package io.dbprovision.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(RealDatabases.class)
class RealDatabasesIT {

  static boolean databaseExists(DatabaseServer server, String name) throws SQLException {
    String sql =
        switch (server.kind()) {
          case POSTGRES -> "SELECT 1 FROM pg_database WHERE datname = ?";
          case MARIADB -> "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
        };
    return exists(server, sql, name);
  }

  static boolean principalExists(DatabaseServer server, String name) throws SQLException {
    String sql =
        switch (server.kind()) {
          case POSTGRES -> "SELECT 1 FROM pg_roles WHERE rolname = ?";
          case MARIADB -> "SELECT 1 FROM mysql.user WHERE User = ?";
        };
    return exists(server, sql, name);
  }

  static boolean exists(DatabaseServer server, String sql, String name) throws SQLException {
    try (Connection admin = server.openAdmin();
        PreparedStatement query = admin.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void dropsEverythingItsNamesWereUsedForOnClose(TestServer kind) throws SQLException {
    DatabaseServer server = RealDatabases.server(kind);
    String database;
    String user;
    try (Scratch scratch = Scratch.on(server)) {
      database = scratch.createDatabase("orders");
      user = scratch.principalName("app");
      try (Connection admin = server.openAdmin();
          Statement statement = admin.createStatement()) {
        statement.execute(
            kind == TestServer.POSTGRES
                ? "CREATE ROLE " + scratch.quote(user) + " LOGIN PASSWORD 'x'"
                : "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'x'");
      }
      try (Connection db = scratch.connect(database);
          Statement statement = db.createStatement()) {
        statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        statement.execute("INSERT INTO t VALUES (1)");
      }
      assertThat(databaseExists(server, database)).isTrue();
      assertThat(principalExists(server, user)).isTrue();
    }
    assertThat(databaseExists(server, database)).isFalse();
    assertThat(principalExists(server, user)).isFalse();
  }

  @Test
  void givesEachTestItsOwnScratchOnEachServer(
      @On(TestServer.POSTGRES) Scratch postgres, @On(TestServer.MARIADB) Scratch mariadb)
      throws SQLException {
    assertThat(postgres.server().kind()).isEqualTo(TestServer.POSTGRES);
    assertThat(mariadb.server().kind()).isEqualTo(TestServer.MARIADB);
    assertThat(postgres.databaseName("x")).isNotEqualTo(postgres.databaseName("x"));
    assertThat(databaseExists(postgres.server(), postgres.createDatabase("pg"))).isTrue();
    assertThat(databaseExists(mariadb.server(), mariadb.createDatabase("maria"))).isTrue();
  }

  @Test
  void namesAreValidIdentifiersWhateverTheHint() {
    assertThat(Scratch.uniqueName("Robert'); DROP TABLE students;--"))
        .matches("^dbpt_[a-z0-9_]{1,16}_[a-z0-9]{8}$");
  }

  @Test
  void failsWithInstructionsWhenAServerIsUnreachable() {
    DatabaseServer nowhere =
        TestServer.POSTGRES.locate(Map.of("DBPROVISION_TEST_POSTGRES", "127.0.0.1:1"));

    assertThatThrownBy(nowhere::requireReachable)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PostgreSQL test server at 127.0.0.1:1")
        .hasMessageContaining("DBPROVISION_TEST_POSTGRES=host:port");
  }

  @Test
  void readsTheAddressAndCredentialsFromTheEnvironment() {
    DatabaseServer server =
        TestServer.MARIADB.locate(
            Map.of(
                "DBPROVISION_TEST_MARIADB", "db.example:3307",
                "DBPROVISION_TEST_MARIADB_USER", "admin",
                "DBPROVISION_TEST_MARIADB_PASSWORD", "s3cret"));
    assertThat(server.host()).isEqualTo("db.example");
    assertThat(server.port()).isEqualTo(3307);
    assertThat(server.adminUser()).isEqualTo("admin");
    assertThat(server.toString()).doesNotContain("s3cret");
  }
}
