package io.dbprovision.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.engine.ConnectionSource;
import io.dbprovision.operator.model.Password;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.On;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealDatabases.class)
class ConnectionPoolsIT {
  /** The connect timeout of the test's settings, also how long a session waits for its place. */
  static final Duration WAIT = Duration.ofSeconds(2);

  final ConnectionPools pools =
      new ConnectionPools(
          new ConnectionPools.Options(3, 2, Duration.ofMinutes(1), Duration.ofMinutes(5)));
  final String application = "dbprovision-it-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void close() {
    pools.close();
  }

  ConnectionSettings settings(DatabaseServer server, Engine engine, String password) {
    return new ConnectionSettings(
        engine,
        server.host(),
        server.port(),
        server.adminDatabase(),
        server.adminUser(),
        Password.of(password),
        false,
        null,
        Optional.empty(),
        null,
        WAIT,
        application);
  }

  int sessions(DatabaseServer server, String database) throws SQLException {
    try (Connection admin = server.openAdmin();
        PreparedStatement query =
            admin.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                    + " AND (datname = ? OR ? IS NULL)")) {
      query.setString(1, application);
      query.setString(2, database);
      query.setString(3, database);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  static void use(Connection connection) throws SQLException {
    try (connection;
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  @Test
  void reusesOnePoolOfAFewConnectionsAcrossReconciles(
      @On(TestServer.POSTGRES) DatabaseServer server) throws Exception {
    ConnectionSettings settings = settings(server, Engine.postgres, server.adminPassword());

    ConnectionSource first = pools.forInstance("shop", "pg", settings);
    for (int i = 0; i < 25; i++) {
      use(pools.forInstance("shop", "pg", settings).admin());
    }

    assertThat(pools.forInstance("shop", "pg", settings)).isSameAs(first);
    assertThat(sessions(server, null)).isBetween(1, 3);
  }

  @Test
  void replacesThePoolWhenTheCredentialsChangeAndClosesTheOldOne(
      @On(TestServer.MARIADB) DatabaseServer server) throws Exception {
    ConnectionSource before =
        pools.forInstance(
            "shop", "maria", settings(server, Engine.mariadb, server.adminPassword()));
    use(before.admin());

    ConnectionSource after =
        pools.forInstance("shop", "maria", settings(server, Engine.mariadb, "rotated-password"));

    assertThat(after).isNotSameAs(before);
    assertThat(pools.instances()).containsExactly("shop/maria");
    assertThatThrownBy(before::admin)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void closesThePoolOfADeletedInstance(@On(TestServer.POSTGRES) DatabaseServer server)
      throws Exception {
    ConnectionSource source =
        pools.forInstance("shop", "pg", settings(server, Engine.postgres, server.adminPassword()));
    use(source.admin());

    pools.close("shop", "pg");

    assertThat(pools.instances()).isEmpty();
    assertThatThrownBy(source::admin).isInstanceOf(SQLException.class);
    assertThat(sessions(server, null)).isZero();
  }

  @Test
  void aSessionInOneDatabaseOutlivesSessionsInManyOthersAndClosesForGood(
      @On(TestServer.POSTGRES) Scratch scratch) throws Exception {
    DatabaseServer server = scratch.server();
    ConnectionSource source =
        pools.forInstance("shop", "pg", settings(server, Engine.postgres, server.adminPassword()));
    String first = scratch.createDatabase("first");
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      others.add(scratch.createDatabase("other" + i));
    }

    try (Connection held = source.database(first)) {
      for (String other : others) {
        use(source.database(other));
      }
      // Per-database pools once closed the least recently used pool here, aborting this session.
      try (Statement statement = held.createStatement()) {
        statement.execute("SELECT 1");
      }
      assertThat(sessions(server, first)).isEqualTo(1);
      for (String other : others) {
        assertThat(sessions(server, other)).isZero();
      }
    }

    assertThat(sessions(server, first)).isZero();
    // Nothing of ours holds the database open: it can be dropped without terminating anyone.
    try (Connection admin = server.openAdmin();
        Statement drop = admin.createStatement()) {
      drop.execute("DROP DATABASE " + scratch.quote(first));
    }
  }

  @Test
  void boundsTheSessionsOpenAtOnceToOtherDatabases(@On(TestServer.POSTGRES) Scratch scratch)
      throws Exception {
    DatabaseServer server = scratch.server();
    // Options of this test: at most two sessions to other databases per instance.
    ConnectionSource source =
        pools.forInstance(
            "shop", "bounded", settings(server, Engine.postgres, server.adminPassword()));
    String database = scratch.createDatabase("bounded");

    Connection first = source.database(database);
    Connection second = source.database(database);
    long started = System.nanoTime();
    assertThatThrownBy(() -> source.database(database))
        .isInstanceOf(SQLTransientConnectionException.class)
        .hasMessageContaining("no connection to database " + database)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08004");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WAIT);

    first.close();
    first.close(); // a second close frees no second place
    use(source.database(database));
    second.close();
    assertThat(sessions(server, database)).isZero();
  }

  @Test
  void neverPutsTheDatabasePasswordInTheJdbcUrl(@On(TestServer.MARIADB) DatabaseServer server) {
    ConnectionSettings settings = settings(server, Engine.mariadb, "Pa55-in-props-only");

    JdbcConfiguration jdbc = JdbcConfiguration.of(settings, "mysql", Optional.empty());

    assertThat(jdbc.url()).doesNotContain("Pa55").startsWith("jdbc:mariadb://");
    assertThat(jdbc.properties().getProperty("password")).isEqualTo("Pa55-in-props-only");
    assertThat(settings.fingerprint())
        .isNotEqualTo(settings(server, Engine.mariadb, "other").fingerprint());
  }
}
