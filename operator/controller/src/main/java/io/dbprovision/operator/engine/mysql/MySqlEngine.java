package io.dbprovision.operator.engine.mysql;

import static io.dbprovision.operator.engine.Identifiers.display;

import io.dbprovision.operator.engine.Changes;
import io.dbprovision.operator.engine.ConnectionSource;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.engine.ServerInfo;
import io.dbprovision.operator.engine.Session;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.DriftReport;
import io.dbprovision.operator.model.DriftReport.Difference;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.MySqlAccount;
import io.dbprovision.operator.model.Password;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB. A login is one account per host pattern ({@code 'app'@'%'}, {@code
 * 'app'@'10.0.%'}); every account of a login gets the same options and grants. Roles are native
 * roles on both servers. Where the two differ, the engine branches on {@link MySqlFlavor}.
 */
public final class MySqlEngine implements DatabaseEngine {
  private static final Pattern CHARSET = Pattern.compile("^[A-Za-z0-9_]{1,64}$");

  private final ConnectionSource connections;
  private final Duration timeout;
  private volatile MySqlFlavor flavor;
  private volatile MySqlDialect dialect;

  public MySqlEngine(ConnectionSource connections, Duration timeout) {
    this.connections = connections;
    this.timeout = timeout;
  }

  @Override
  public ServerInfo checkHealth() throws EngineException {
    long start = System.nanoTime();
    try (Session admin = Session.admin(connections, timeout)) {
      String version =
          admin
              .queryOne(
                  "read the server version",
                  "SELECT VERSION(), @@SESSION.sql_mode",
                  row -> {
                    flavor = MySqlFlavor.of(row.getString(1));
                    dialect =
                        new MySqlDialect(
                            !String.valueOf(row.getString(2)).contains("NO_BACKSLASH_ESCAPES"));
                    return row.getString(1);
                  })
              .orElse("unknown");
      return new ServerInfo(version, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  MySqlFlavor flavor() throws EngineException {
    if (flavor == null) {
      checkHealth();
    }
    return flavor;
  }

  MySqlDialect dialect() throws EngineException {
    if (dialect == null) {
      checkHealth();
    }
    return dialect;
  }

  // ---------------------------------------------------------------- databases

  private record SchemaRow(String charset, String collation) {}

  @Override
  public Outcome ensureDatabase(DesiredDatabase database, Enforcement enforcement)
      throws EngineException {
    String op = "ensure database " + display(database.name());
    MySqlDialect sql = dialect();
    String db = sql.name(op, "database name", database.name());
    DesiredDatabase.MySqlOptions wanted = database.mysql();
    requireCharset(op, "charset", wanted.charset());
    requireCharset(op, "collation", wanted.collation());
    String options =
        " CHARACTER SET "
            + sql.quoteLiteral(wanted.charset())
            + " COLLATE "
            + sql.quoteLiteral(wanted.collation());
    Changes changes = new Changes(enforcement);
    try (Session admin = Session.admin(connections, timeout)) {
      Optional<SchemaRow> current =
          admin.queryOne(
              "read database " + display(database.name()),
              "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                  + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
              row -> new SchemaRow(row.getString(1), row.getString(2)),
              database.name());
      if (current.isEmpty()) {
        changes.create(
            "created database " + display(database.name()),
            () -> admin.execute(op, "CREATE DATABASE " + db + options));
      } else {
        SchemaRow row = current.get();
        List<Difference> differences = new ArrayList<>();
        if (!wanted.charset().equalsIgnoreCase(row.charset())) {
          differences.add(Difference.of("charset", wanted.charset(), row.charset()));
        }
        if (!wanted.collation().equalsIgnoreCase(row.collation())) {
          differences.add(Difference.of("collation", wanted.collation(), row.collation()));
        }
        changes.differ(
            differences,
            "set character set " + wanted.charset() + " and collation " + wanted.collation(),
            () -> admin.execute(op, "ALTER DATABASE " + db + options));
      }
    }
    return changes.outcome();
  }

  @Override
  public OptionalLong databaseSize(String database) throws EngineException {
    try (Session admin = Session.admin(connections, timeout)) {
      if (!exists(
          admin, "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", database)) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(
          admin
              .queryOne(
                  "read the size of database " + display(database),
                  "SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0)"
                      + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                  row -> row.getLong(1),
                  database)
              .orElse(0L));
    }
  }

  @Override
  public Outcome dropDatabase(String database) throws EngineException {
    String op = "drop database " + display(database);
    String db = dialect().name(op, "database name", database);
    try (Session admin = Session.admin(connections, timeout)) {
      if (!exists(
          admin, "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", database)) {
        return Outcome.noop();
      }
      // An open transaction's metadata lock would hold DROP DATABASE; end those sessions first.
      List<Long> sessions =
          admin.query(
              op,
              "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()",
              row -> row.getLong(1),
              database);
      for (long id : sessions) {
        try {
          admin.execute(op, "KILL " + id);
        } catch (EngineException gone) {
          // The session ended by itself between the query and the KILL.
        }
      }
      admin.execute(op, "DROP DATABASE IF EXISTS " + db);
    }
    return Outcome.deleted("dropped database " + display(database));
  }

  // ---------------------------------------------------------------- accounts

  private record AccountRow(
      String host,
      long maxQueries,
      long maxUpdates,
      long maxConnections,
      long maxUserConnections,
      String sslType,
      boolean locked) {}

  private List<AccountRow> accounts(Session admin, String user) throws EngineException {
    String sql =
        flavor() == MySqlFlavor.MARIADB
            ? "SELECT u.Host, u.max_questions, u.max_updates, u.max_connections,"
                + " u.max_user_connections, u.ssl_type,"
                + " COALESCE(JSON_VALUE(g.Priv, '$.account_locked'), 0) = 1"
                + " FROM mysql.user u JOIN mysql.global_priv g ON g.User = u.User AND g.Host = u.Host"
                + " WHERE u.User = ? AND u.is_role = 'N' ORDER BY u.Host"
            : "SELECT Host, max_questions, max_updates, max_connections, max_user_connections,"
                + " ssl_type, account_locked = 'Y' FROM mysql.user WHERE User = ? ORDER BY Host";
    return admin.query(
        "read accounts of " + display(user),
        sql,
        row ->
            new AccountRow(
                row.getString(1),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                String.valueOf(row.getString(6)),
                row.getBoolean(7)),
        user);
  }

  @Override
  public Outcome ensureUser(DesiredLogin login, Password initialPassword, Enforcement enforcement)
      throws EngineException {
    String op = "ensure user " + display(login.name());
    MySqlDialect sql = dialect();
    MySqlAccount wanted = login.mysql();
    requireUserLength(op, login.name());
    for (String host : wanted.hosts()) {
      sql.account(op, login.name(), host);
    }
    Changes changes = new Changes(enforcement);
    try (Session admin = Session.admin(connections, timeout)) {
      List<AccountRow> existing = accounts(admin, login.name());
      for (String host : wanted.hosts()) {
        String account = sql.account(op, login.name(), host);
        Optional<AccountRow> current =
            existing.stream().filter(a -> a.host().equals(host)).findFirst();
        String shown = display(login.name() + "@" + host);
        if (current.isEmpty()) {
          String create =
              "CREATE USER "
                  + account
                  + identifiedBy(op, wanted, initialPassword)
                  + requireClause(wanted)
                  + limits(wanted)
                  + (wanted.accountLocked() ? " ACCOUNT LOCK" : " ACCOUNT UNLOCK");
          if (existing.isEmpty()) {
            changes.create(
                "created account " + shown, () -> admin.execute(op, create, initialPassword));
          } else {
            changes.differ(
                Difference.of("hosts.missing", host, ""),
                "created account " + shown,
                () -> admin.execute(op, create, initialPassword));
          }
          continue;
        }
        AccountRow row = current.get();
        String prefix = existing.size() > 1 || wanted.hosts().size() > 1 ? host + "." : "";
        limit(
            changes,
            admin,
            op,
            account,
            prefix + "maxQueriesPerHour",
            "MAX_QUERIES_PER_HOUR",
            wanted.maxQueriesPerHour(),
            row.maxQueries());
        limit(
            changes,
            admin,
            op,
            account,
            prefix + "maxUpdatesPerHour",
            "MAX_UPDATES_PER_HOUR",
            wanted.maxUpdatesPerHour(),
            row.maxUpdates());
        limit(
            changes,
            admin,
            op,
            account,
            prefix + "maxConnectionsPerHour",
            "MAX_CONNECTIONS_PER_HOUR",
            wanted.maxConnectionsPerHour(),
            row.maxConnections());
        limit(
            changes,
            admin,
            op,
            account,
            prefix + "maxUserConnections",
            "MAX_USER_CONNECTIONS",
            wanted.maxUserConnections(),
            row.maxUserConnections());
        String wantedSsl = wanted.requireX509() ? "X509" : wanted.requireSsl() ? "ANY" : "";
        if (!wantedSsl.equalsIgnoreCase(row.sslType())) {
          changes.differ(
              Difference.of(
                  prefix + "require",
                  wantedSsl.isEmpty() ? "NONE" : wantedSsl,
                  row.sslType().isEmpty() ? "NONE" : row.sslType()),
              "set" + requireClause(wanted) + " on " + shown,
              () -> admin.execute(op, "ALTER USER " + account + requireClause(wanted)));
        }
        if (wanted.accountLocked() != row.locked()) {
          changes.differ(
              Difference.of(prefix + "accountLocked", wanted.accountLocked(), row.locked()),
              (wanted.accountLocked() ? "locked " : "unlocked ") + shown,
              () ->
                  admin.execute(
                      op,
                      "ALTER USER "
                          + account
                          + (wanted.accountLocked() ? " ACCOUNT LOCK" : " ACCOUNT UNLOCK")));
        }
      }
      for (AccountRow extra : existing) {
        if (!wanted.hosts().contains(extra.host())) {
          String account = sql.account(op, login.name(), extra.host());
          changes.differ(
              Difference.of("hosts.extra", "", extra.host()).asDestructive(),
              "dropped account " + display(login.name() + "@" + extra.host()),
              () -> admin.execute(op, "DROP USER IF EXISTS " + account));
        }
      }
    }
    return changes.outcome();
  }

  private static void limit(
      Changes changes,
      Session admin,
      String op,
      String account,
      String field,
      String keyword,
      long wanted,
      long actual)
      throws EngineException {
    if (wanted != actual) {
      changes.differ(
          Difference.of(field, wanted, actual),
          "set " + keyword + " " + wanted,
          () -> admin.execute(op, "ALTER USER " + account + " WITH " + keyword + " " + wanted));
    }
  }

  private String identifiedBy(String op, MySqlAccount wanted, Password password)
      throws EngineException {
    if (password == null) {
      throw new InvalidSpecException(op, "a new account needs an initial password");
    }
    String literal = dialect().passwordLiteral(op, password);
    // MariaDB has neither caching_sha2_password nor sha256_password; its default plugin is used.
    if (flavor() == MySqlFlavor.MYSQL) {
      String plugin =
          switch (wanted.authPlugin()) {
            case "mysql_native_password", "caching_sha2_password", "sha256_password" ->
                wanted.authPlugin();
            default ->
                throw new InvalidSpecException(
                    op, "authPlugin " + display(wanted.authPlugin()) + " is not supported");
          };
      return " IDENTIFIED WITH " + plugin + " BY " + literal;
    }
    return " IDENTIFIED BY " + literal;
  }

  private static String requireClause(MySqlAccount wanted) {
    return wanted.requireX509()
        ? " REQUIRE X509"
        : wanted.requireSsl() ? " REQUIRE SSL" : " REQUIRE NONE";
  }

  private static String limits(MySqlAccount wanted) {
    return " WITH MAX_QUERIES_PER_HOUR "
        + wanted.maxQueriesPerHour()
        + " MAX_UPDATES_PER_HOUR "
        + wanted.maxUpdatesPerHour()
        + " MAX_CONNECTIONS_PER_HOUR "
        + wanted.maxConnectionsPerHour()
        + " MAX_USER_CONNECTIONS "
        + wanted.maxUserConnections();
  }

  private void requireUserLength(String op, String user) throws EngineException {
    Identifiers.requirePlain(op, "user name", user);
    if (flavor() == MySqlFlavor.MYSQL && user.length() > 32) {
      throw new InvalidSpecException(
          op, "user name " + display(user) + " is longer than MySQL's 32 characters");
    }
  }

  @Override
  public Outcome setPassword(DesiredLogin login, Password password) throws EngineException {
    String op = "set the password of " + display(login.name());
    MySqlDialect sql = dialect();
    try (Session admin = Session.admin(connections, timeout)) {
      List<AccountRow> existing = accounts(admin, login.name());
      if (existing.isEmpty()) {
        throw new InvalidSpecException(op, "the user does not exist");
      }
      for (AccountRow account : existing) {
        admin.execute(
            op,
            "ALTER USER "
                + sql.account(op, login.name(), account.host())
                + " IDENTIFIED BY "
                + sql.passwordLiteral(op, password),
            password);
      }
    }
    return new Outcome(
        Outcome.Change.UPDATED,
        List.of("set a new password for " + display(login.name())),
        DriftReport.NONE);
  }

  @Override
  public Outcome dropUser(String user) throws EngineException {
    String op = "drop user " + display(user);
    MySqlDialect sql = dialect();
    Identifiers.requirePlain(op, "user name", user);
    try (Session admin = Session.admin(connections, timeout)) {
      List<AccountRow> existing = accounts(admin, user);
      if (existing.isEmpty()) {
        return Outcome.noop();
      }
      for (AccountRow account : existing) {
        admin.execute(op, "DROP USER IF EXISTS " + sql.account(op, user, account.host()));
      }
    }
    return Outcome.deleted("dropped user " + display(user));
  }

  // ---------------------------------------------------------------- roles

  @Override
  public Outcome ensureRole(DesiredRole role, Enforcement enforcement) throws EngineException {
    String op = "ensure role " + display(role.name());
    String name = roleClause(op, role.name());
    Changes changes = new Changes(enforcement);
    try (Session admin = Session.admin(connections, timeout)) {
      if (!roleExists(admin, role.name())) {
        changes.create(
            "created role " + display(role.name()), () -> admin.execute(op, "CREATE ROLE " + name));
      }
    }
    return changes.outcome();
  }

  @Override
  public Outcome dropRole(String role) throws EngineException {
    String op = "drop role " + display(role);
    String name = roleClause(op, role);
    try (Session admin = Session.admin(connections, timeout)) {
      if (!roleExists(admin, role)) {
        return Outcome.noop();
      }
      admin.execute(op, "DROP ROLE IF EXISTS " + name);
    }
    return Outcome.deleted("dropped role " + display(role));
  }

  private boolean roleExists(Session admin, String role) throws EngineException {
    return exists(
        admin,
        flavor() == MySqlFlavor.MARIADB
            ? "SELECT 1 FROM mysql.user WHERE User = ? AND is_role = 'Y'"
            : "SELECT 1 FROM mysql.user WHERE User = ? AND Host = '%' AND account_locked = 'Y'",
        role);
  }

  /** How a role is named in CREATE, DROP, GRANT and REVOKE. */
  String roleClause(String op, String role) throws EngineException {
    return flavor() == MySqlFlavor.MARIADB
        ? dialect().name(op, "role name", role)
        : dialect().account(op, role, "%");
  }

  @Override
  public List<String> objectsOwnedBy(String principal) throws EngineException {
    String op = "list objects defined by " + display(principal);
    Identifiers.requirePlain(op, "user name", principal);
    try (Session admin = Session.admin(connections, timeout)) {
      return admin.query(
          op,
          "SELECT CONCAT(kind, ' ', name) FROM ("
              + " SELECT 'view' AS kind, CONCAT(TABLE_SCHEMA, '.', TABLE_NAME) AS name, DEFINER"
              + " FROM information_schema.VIEWS"
              + " UNION ALL SELECT LOWER(ROUTINE_TYPE), CONCAT(ROUTINE_SCHEMA, '.', ROUTINE_NAME),"
              + " DEFINER FROM information_schema.ROUTINES"
              + " UNION ALL SELECT 'trigger', CONCAT(TRIGGER_SCHEMA, '.', TRIGGER_NAME), DEFINER"
              + " FROM information_schema.TRIGGERS"
              + " UNION ALL SELECT 'event', CONCAT(EVENT_SCHEMA, '.', EVENT_NAME), DEFINER"
              + " FROM information_schema.EVENTS) o"
              + " WHERE SUBSTRING_INDEX(DEFINER, '@', 1) = ? ORDER BY 1",
          row -> row.getString(1),
          principal);
    }
  }

  // ---------------------------------------------------------------- grants

  @Override
  public GrantSet currentGrants(Grantee grantee, GrantScope scope) throws EngineException {
    return new MySqlGrants(this, connections, timeout).current(grantee, scope);
  }

  @Override
  public GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException {
    return new MySqlGrants(this, connections, timeout).resolve(grantee, requested);
  }

  @Override
  public void applyGrantPlan(Grantee grantee, GrantPlan plan) throws EngineException {
    new MySqlGrants(this, connections, timeout).apply(grantee, plan);
  }

  @Override
  public Outcome ensureGrants(
      Grantee grantee, GrantSet requested, GrantScope scope, Enforcement enforcement)
      throws EngineException {
    return new MySqlGrants(this, connections, timeout)
        .ensure(grantee, requested, scope, enforcement);
  }

  List<String> hostsOf(Session admin, String user) throws EngineException {
    return accounts(admin, user).stream().map(AccountRow::host).toList();
  }

  static boolean exists(Session session, String sql, String name) throws EngineException {
    return !session.query("look up " + display(name), sql, row -> 1, name).isEmpty();
  }

  private static void requireCharset(String op, String what, String value)
      throws InvalidSpecException {
    if (value == null || !CHARSET.matcher(value).matches()) {
      throw new InvalidSpecException(op, what + " " + display(value) + " is not valid");
    }
  }
}
