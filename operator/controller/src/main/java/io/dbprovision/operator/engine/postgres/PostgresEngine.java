package io.dbprovision.operator.engine.postgres;

import static io.dbprovision.operator.engine.Identifiers.display;
import static io.dbprovision.operator.engine.postgres.PostgresDialect.name;
import static io.dbprovision.operator.engine.postgres.PostgresDialect.object;
import static io.dbprovision.operator.engine.postgres.PostgresDialect.value;

import io.dbprovision.operator.engine.Changes;
import io.dbprovision.operator.engine.ConnectionSource;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.engine.ServerInfo;
import io.dbprovision.operator.engine.Session;
import io.dbprovision.operator.engine.SqlFailures;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredDatabase.Extension;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.DriftReport.Difference;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Password;
import io.dbprovision.operator.model.RoleAttributes;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * PostgreSQL. Databases, roles and cluster-wide privileges are managed over the administrative
 * connection; extensions, schemas, object privileges and default privileges live in each database's
 * own catalogs and are managed over a connection to that database.
 *
 * <p>Passwords are never sent in clear: the driver computes a SCRAM-SHA-256 verifier on the client
 * and only that reaches the server (and its statement log).
 */
public final class PostgresEngine implements DatabaseEngine {
  private static final Pattern ENCODING = Pattern.compile("^[A-Za-z0-9_\\-]{1,32}$");
  private static final Pattern LOCALE = Pattern.compile("^[A-Za-z0-9_.@\\-]{1,64}$");
  private static final Pattern SETTING = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]{0,62}$");

  private final ConnectionSource connections;
  private final Duration timeout;
  private final PostgresGrants grants;
  private volatile int serverVersion;

  public PostgresEngine(ConnectionSource connections, Duration timeout) {
    this.connections = connections;
    this.timeout = timeout;
    this.grants = new PostgresGrants(connections, timeout, this::serverVersion);
  }

  @Override
  public ServerInfo checkHealth() throws EngineException {
    long start = System.nanoTime();
    try (Session admin = Session.admin(connections, timeout)) {
      String version =
          admin
              .queryOne(
                  "read the server version",
                  "SELECT current_setting('server_version'), current_setting('server_version_num')",
                  row -> {
                    serverVersion = Integer.parseInt(row.getString(2));
                    return row.getString(1);
                  })
              .orElse("unknown");
      return new ServerInfo(version, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  int serverVersion() throws EngineException {
    if (serverVersion == 0) {
      checkHealth();
    }
    return serverVersion;
  }

  // ---------------------------------------------------------------- databases

  private record DatabaseRow(
      String owner,
      String encoding,
      String collate,
      String ctype,
      String tablespace,
      int connectionLimit,
      boolean isTemplate) {}

  @Override
  public Outcome ensureDatabase(DesiredDatabase database, Enforcement enforcement)
      throws EngineException {
    String op = "ensure database " + display(database.name());
    String db = name(op, "database name", database.name());
    Optional<String> owner = database.owner();
    String ownerSql = owner.isPresent() ? name(op, "owner", owner.get()) : null;
    DesiredDatabase.PostgresOptions pg = database.postgres();
    require(op, "encoding", pg.encoding(), ENCODING);
    if (pg.lcCollate().isPresent()) {
      require(op, "lcCollate", pg.lcCollate().get(), LOCALE);
    }
    if (pg.lcCtype().isPresent()) {
      require(op, "lcCtype", pg.lcCtype().get(), LOCALE);
    }
    String tablespace = object(op, "tablespace", pg.tablespace());
    Changes changes = new Changes(enforcement);

    try (Session admin = Session.admin(connections, timeout)) {
      Optional<DatabaseRow> current =
          admin.queryOne(
              "read database " + display(database.name()),
              "SELECT pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), d.datcollate,"
                  + " d.datctype, t.spcname, d.datconnlimit, d.datistemplate"
                  + " FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace"
                  + " WHERE d.datname = ?",
              row ->
                  new DatabaseRow(
                      row.getString(1),
                      row.getString(2),
                      row.getString(3),
                      row.getString(4),
                      row.getString(5),
                      row.getInt(6),
                      row.getBoolean(7)),
              database.name());

      if (current.isEmpty()) {
        StringBuilder create = new StringBuilder("CREATE DATABASE ").append(db);
        if (ownerSql != null) {
          create.append(" OWNER ").append(ownerSql);
        }
        create.append(" TEMPLATE ").append(object(op, "template", pg.template()));
        create.append(" ENCODING ").append(value(op, "encoding", pg.encoding()));
        if (pg.lcCollate().isPresent()) {
          create.append(" LC_COLLATE ").append(value(op, "lcCollate", pg.lcCollate().get()));
        }
        if (pg.lcCtype().isPresent()) {
          create.append(" LC_CTYPE ").append(value(op, "lcCtype", pg.lcCtype().get()));
        }
        create.append(" TABLESPACE ").append(tablespace);
        create.append(" CONNECTION LIMIT ").append(pg.connectionLimit());
        create.append(" IS_TEMPLATE ").append(pg.isTemplate());
        changes.create(
            "created database " + display(database.name()),
            () -> admin.execute("create database " + display(database.name()), create.toString()));
      } else {
        DatabaseRow row = current.get();
        if (owner.isPresent() && !owner.get().equals(row.owner())) {
          changes.differ(
              Difference.of("owner", owner.get(), row.owner()).asDestructive(),
              "changed owner to " + display(owner.get()),
              () ->
                  admin.execute(
                      "change owner of database " + display(database.name()),
                      "ALTER DATABASE " + db + " OWNER TO " + ownerSql));
        }
        if (!pg.encoding().equalsIgnoreCase(row.encoding())) {
          changes.differ(
              Difference.of("encoding", pg.encoding(), row.encoding()).asImmutable(), "", () -> {});
        }
        if (pg.lcCollate().isPresent() && !pg.lcCollate().get().equals(row.collate())) {
          changes.differ(
              Difference.of("lcCollate", pg.lcCollate().get(), row.collate()).asImmutable(),
              "",
              () -> {});
        }
        if (pg.lcCtype().isPresent() && !pg.lcCtype().get().equals(row.ctype())) {
          changes.differ(
              Difference.of("lcCtype", pg.lcCtype().get(), row.ctype()).asImmutable(),
              "",
              () -> {});
        }
        if (pg.connectionLimit() != row.connectionLimit()) {
          changes.differ(
              Difference.of("connectionLimit", pg.connectionLimit(), row.connectionLimit()),
              "set connection limit to " + pg.connectionLimit(),
              () ->
                  admin.execute(
                      "set connection limit of database " + display(database.name()),
                      "ALTER DATABASE " + db + " CONNECTION LIMIT " + pg.connectionLimit()));
        }
        if (pg.isTemplate() != row.isTemplate()) {
          changes.differ(
              Difference.of("isTemplate", pg.isTemplate(), row.isTemplate()),
              "set template flag to " + pg.isTemplate(),
              () ->
                  admin.execute(
                      "set template flag of database " + display(database.name()),
                      "ALTER DATABASE " + db + " IS_TEMPLATE " + pg.isTemplate()));
        }
        if (!pg.tablespace().equals(row.tablespace())) {
          changes.differ(
              Difference.of("tablespace", pg.tablespace(), row.tablespace()),
              "moved to tablespace " + display(pg.tablespace()),
              () ->
                  admin.execute(
                      "move database " + display(database.name()),
                      "ALTER DATABASE " + db + " SET TABLESPACE " + tablespace));
        }
      }
    }
    if (!pg.extensions().isEmpty() || !pg.schemas().isEmpty()) {
      try (Session inside = Session.on(connections, database.name(), timeout)) {
        ensureExtensions(op, inside, pg.extensions(), changes);
        ensureSchemas(op, inside, pg.schemas(), changes);
      }
    }
    return changes.outcome();
  }

  private record ExtensionRow(String schema, String version) {}

  private void ensureExtensions(String op, Session inside, List<Extension> desired, Changes changes)
      throws EngineException {
    Map<String, ExtensionRow> installed = new HashMap<>();
    inside
        .query(
            "read installed extensions",
            "SELECT e.extname, n.nspname, e.extversion FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace",
            row ->
                Map.entry(row.getString(1), new ExtensionRow(row.getString(2), row.getString(3))))
        .forEach(e -> installed.put(e.getKey(), e.getValue()));
    for (Extension extension : desired) {
      String quoted = object(op, "extension name", extension.name());
      String schema = object(op, "extension schema", extension.schema());
      String shown = display(extension.name());
      ExtensionRow current = installed.get(extension.name());
      if (current == null) {
        String sql =
            "CREATE EXTENSION IF NOT EXISTS "
                + quoted
                + " SCHEMA "
                + schema
                + (extension.version().isPresent()
                    ? " VERSION " + value(op, "extension version", extension.version().get())
                    : "");
        changes.differ(
            Difference.of("extensions.missing", extension.name(), ""),
            "installed extension " + shown,
            () -> inside.execute("install extension " + shown, sql));
        continue;
      }
      if (extension.version().isPresent() && !extension.version().get().equals(current.version())) {
        String sql =
            "ALTER EXTENSION "
                + quoted
                + " UPDATE TO "
                + value(op, "extension version", extension.version().get());
        changes.differ(
            Difference.of(
                "extensions." + extension.name() + ".version",
                extension.version().get(),
                current.version()),
            "updated extension " + shown + " to " + extension.version().get(),
            () -> inside.execute("update extension " + shown, sql));
      }
      if (!extension.schema().equals(current.schema())) {
        changes.differ(
            Difference.of(
                "extensions." + extension.name() + ".schema", extension.schema(), current.schema()),
            "moved extension " + shown + " to schema " + display(extension.schema()),
            () ->
                inside.execute(
                    "move extension " + shown,
                    "ALTER EXTENSION " + quoted + " SET SCHEMA " + schema));
      }
    }
  }

  private void ensureSchemas(
      String op, Session inside, List<DesiredDatabase.Schema> desired, Changes changes)
      throws EngineException {
    Map<String, String> owners = new HashMap<>();
    inside
        .query(
            "read schemas",
            "SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace",
            row -> Map.entry(row.getString(1), row.getString(2)))
        .forEach(e -> owners.put(e.getKey(), e.getValue()));
    for (DesiredDatabase.Schema schema : desired) {
      String quoted = object(op, "schema name", schema.name());
      String owner =
          schema.owner().isPresent() ? name(op, "schema owner", schema.owner().get()) : null;
      String shown = display(schema.name());
      String actualOwner = owners.get(schema.name());
      if (actualOwner == null) {
        String sql =
            "CREATE SCHEMA IF NOT EXISTS "
                + quoted
                + (owner == null ? "" : " AUTHORIZATION " + owner);
        changes.differ(
            Difference.of("schemas.missing", schema.name(), ""),
            "created schema " + shown,
            () -> inside.execute("create schema " + shown, sql));
      } else if (owner != null && !schema.owner().get().equals(actualOwner)) {
        changes.differ(
            Difference.of("schemas." + schema.name() + ".owner", schema.owner().get(), actualOwner),
            "changed owner of schema " + shown,
            () ->
                inside.execute(
                    "change owner of schema " + shown,
                    "ALTER SCHEMA " + quoted + " OWNER TO " + owner));
      }
    }
  }

  @Override
  public OptionalLong databaseSize(String database) throws EngineException {
    try (Session admin = Session.admin(connections, timeout)) {
      return admin
          .queryOne(
              "read the size of database " + display(database),
              "SELECT pg_database_size(datname) FROM pg_database WHERE datname = ?",
              row -> row.getLong(1),
              database)
          .map(OptionalLong::of)
          .orElse(OptionalLong.empty());
    }
  }

  @Override
  public Outcome dropDatabase(String database) throws EngineException {
    String op = "drop database " + display(database);
    String db = name(op, "database name", database);
    try (Session admin = Session.admin(connections, timeout)) {
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
        return Outcome.noop();
      }
      if (serverVersion() >= 130000) {
        // FORCE terminates the sessions and drops in one step, so none can sneak in between.
        admin.execute(op, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      } else {
        admin.query(
            "end sessions on database " + display(database),
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()",
            row -> row.getBoolean(1),
            database);
        admin.execute(op, "DROP DATABASE IF EXISTS " + db);
      }
    }
    return Outcome.deleted("dropped database " + display(database));
  }

  // ---------------------------------------------------------------- users and roles

  @Override
  public Outcome ensureUser(DesiredLogin login, Password initialPassword, Enforcement enforcement)
      throws EngineException {
    return ensurePrincipal(
        "ensure user " + display(login.name()),
        login.name(),
        login.postgres(),
        initialPassword,
        enforcement);
  }

  @Override
  public Outcome ensureRole(DesiredRole role, Enforcement enforcement) throws EngineException {
    return ensurePrincipal(
        "ensure role " + display(role.name()), role.name(), role.postgres(), null, enforcement);
  }

  private record RoleRow(
      boolean login,
      boolean inherit,
      boolean createDb,
      boolean createRole,
      boolean superuser,
      boolean replication,
      boolean bypassRls,
      int connectionLimit,
      Instant validUntil,
      Map<String, String> config) {}

  private Outcome ensurePrincipal(
      String op,
      String principal,
      RoleAttributes wanted,
      Password password,
      Enforcement enforcement)
      throws EngineException {
    String role = name(op, "role name", principal);
    Instant validUntil = parseValidUntil(op, wanted.validUntil());
    List<String> inRoles = new ArrayList<>();
    for (String member : wanted.inRoles()) {
      inRoles.add(object(op, "inRoles entry", member));
    }
    for (Map.Entry<String, String> setting : wanted.configParameters().entrySet()) {
      require(op, "configuration parameter", setting.getKey(), SETTING);
      value(op, "value of " + setting.getKey(), setting.getValue());
    }
    Changes changes = new Changes(enforcement);
    String shown = display(principal);

    try (Session admin = Session.admin(connections, timeout)) {
      Optional<RoleRow> current = readRole(admin, principal);
      if (current.isEmpty()) {
        String sql =
            "CREATE ROLE "
                + role
                + " WITH "
                + attributes(wanted)
                + " CONNECTION LIMIT "
                + wanted.connectionLimit()
                + (validUntil == null
                    ? ""
                    : " VALID UNTIL " + PostgresDialect.quoteLiteral(validUntil.toString()));
        changes.create(
            "created role " + shown,
            () -> {
              admin.execute("create role " + shown, sql);
              if (password != null) {
                setPassword(admin, principal, password);
              }
            });
      } else {
        RoleRow row = current.get();
        attribute(
            changes, admin, role, shown, "login", wanted.login(), row.login(), "LOGIN", false);
        attribute(
            changes,
            admin,
            role,
            shown,
            "inherit",
            wanted.inherit(),
            row.inherit(),
            "INHERIT",
            false);
        attribute(
            changes,
            admin,
            role,
            shown,
            "createdb",
            wanted.createDb(),
            row.createDb(),
            "CREATEDB",
            false);
        attribute(
            changes,
            admin,
            role,
            shown,
            "createrole",
            wanted.createRole(),
            row.createRole(),
            "CREATEROLE",
            false);
        attribute(
            changes,
            admin,
            role,
            shown,
            "superuser",
            wanted.superuser(),
            row.superuser(),
            "SUPERUSER",
            true);
        attribute(
            changes,
            admin,
            role,
            shown,
            "replication",
            wanted.replication(),
            row.replication(),
            "REPLICATION",
            false);
        attribute(
            changes,
            admin,
            role,
            shown,
            "bypassrls",
            wanted.bypassRls(),
            row.bypassRls(),
            "BYPASSRLS",
            false);
        if (wanted.connectionLimit() != row.connectionLimit()) {
          changes.differ(
              Difference.of("connectionLimit", wanted.connectionLimit(), row.connectionLimit()),
              "set connection limit of " + shown + " to " + wanted.connectionLimit(),
              () ->
                  admin.execute(
                      "set connection limit of " + shown,
                      "ALTER ROLE " + role + " CONNECTION LIMIT " + wanted.connectionLimit()));
        }
        if (validUntil != null && !validUntil.equals(row.validUntil())) {
          changes.differ(
              Difference.of("validUntil", validUntil, row.validUntil()),
              "set password expiry of " + shown,
              () ->
                  admin.execute(
                      "set password expiry of " + shown,
                      "ALTER ROLE "
                          + role
                          + " VALID UNTIL "
                          + PostgresDialect.quoteLiteral(validUntil.toString())));
        }
      }
      List<String> memberOf = current.isEmpty() ? List.of() : memberships(admin, principal);
      for (int i = 0; i < wanted.inRoles().size(); i++) {
        String group = wanted.inRoles().get(i);
        String quotedGroup = inRoles.get(i);
        if (!memberOf.contains(group)) {
          changes.differ(
              Difference.of("inRoles.missing", group, ""),
              "granted role " + display(group) + " to " + shown,
              () ->
                  admin.execute(
                      "grant role " + display(group) + " to " + shown,
                      "GRANT " + quotedGroup + " TO " + role));
        }
      }
      Map<String, String> config = current.map(RoleRow::config).orElse(Map.of());
      for (Map.Entry<String, String> setting : wanted.configParameters().entrySet()) {
        if (!setting.getValue().equals(config.get(setting.getKey()))) {
          String sql =
              "ALTER ROLE "
                  + role
                  + " SET "
                  + PostgresDialect.quoteIdentifier(setting.getKey())
                  + " TO "
                  + PostgresDialect.quoteLiteral(setting.getValue());
          changes.differ(
              Difference.of(
                  "configParameters." + setting.getKey(),
                  setting.getValue(),
                  config.get(setting.getKey())),
              "set " + setting.getKey() + " for " + shown,
              () -> admin.execute("set " + setting.getKey() + " for " + shown, sql));
        }
      }
    }
    return changes.outcome();
  }

  private static void attribute(
      Changes changes,
      Session admin,
      String role,
      String shown,
      String field,
      boolean wanted,
      boolean actual,
      String keyword,
      boolean destructive)
      throws EngineException {
    if (wanted == actual) {
      return;
    }
    String clause = (wanted ? "" : "NO") + keyword;
    Difference difference = Difference.of(field, wanted, actual);
    changes.differ(
        destructive ? difference.asDestructive() : difference,
        "set " + clause + " on " + shown,
        () ->
            admin.execute(
                "set " + clause + " on " + shown, "ALTER ROLE " + role + " WITH " + clause));
  }

  private static String attributes(RoleAttributes a) {
    return String.join(
        " ",
        (a.login() ? "" : "NO") + "LOGIN",
        (a.inherit() ? "" : "NO") + "INHERIT",
        (a.createDb() ? "" : "NO") + "CREATEDB",
        (a.createRole() ? "" : "NO") + "CREATEROLE",
        (a.superuser() ? "" : "NO") + "SUPERUSER",
        (a.replication() ? "" : "NO") + "REPLICATION",
        (a.bypassRls() ? "" : "NO") + "BYPASSRLS");
  }

  private Optional<RoleRow> readRole(Session admin, String principal) throws EngineException {
    return admin.queryOne(
        "read role " + display(principal),
        "SELECT rolcanlogin, rolinherit, rolcreatedb, rolcreaterole, rolsuper, rolreplication,"
            + " rolbypassrls, rolconnlimit, rolvaliduntil, rolconfig FROM pg_roles WHERE rolname = ?",
        row -> {
          OffsetDateTime until = row.getObject(9, OffsetDateTime.class);
          return new RoleRow(
              row.getBoolean(1),
              row.getBoolean(2),
              row.getBoolean(3),
              row.getBoolean(4),
              row.getBoolean(5),
              row.getBoolean(6),
              row.getBoolean(7),
              row.getInt(8),
              until == null || until.getYear() > 9000 ? null : until.toInstant(),
              settings(row.getArray(10)));
        },
        principal);
  }

  private static Map<String, String> settings(Array array) throws SQLException {
    Map<String, String> settings = new HashMap<>();
    if (array != null) {
      for (Object entry : (Object[]) array.getArray()) {
        String text = String.valueOf(entry);
        int equals = text.indexOf('=');
        if (equals > 0) {
          settings.put(text.substring(0, equals), text.substring(equals + 1));
        }
      }
    }
    return settings;
  }

  private List<String> memberships(Session admin, String principal) throws EngineException {
    return admin.query(
        "read memberships of " + display(principal),
        "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
            + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?",
        row -> row.getString(1),
        principal);
  }

  @Override
  public Outcome setPassword(DesiredLogin login, Password password) throws EngineException {
    String op = "set the password of " + display(login.name());
    Identifiers.requirePlain(op, "user name", login.name());
    try (Session admin = Session.admin(connections, timeout)) {
      if (readRole(admin, login.name()).isEmpty()) {
        throw new InvalidSpecException(op, "the user does not exist");
      }
      setPassword(admin, login.name(), password);
    }
    return new Outcome(
        Outcome.Change.UPDATED,
        List.of("set a new password for " + display(login.name())),
        io.dbprovision.operator.model.DriftReport.NONE);
  }

  private static void setPassword(Session admin, String principal, Password password)
      throws EngineException {
    String op = "set the password of " + display(principal);
    PostgresDialect.passwordLiteral(op, password); // same checks as the literal path
    try {
      admin
          .connection()
          .unwrap(PGConnection.class)
          .alterUserPassword(principal, password.reveal().toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      throw SqlFailures.translate(op, e, password);
    }
  }

  @Override
  public Outcome dropUser(String user) throws EngineException {
    return dropPrincipal("drop user " + display(user), user);
  }

  @Override
  public Outcome dropRole(String role) throws EngineException {
    return dropPrincipal("drop role " + display(role), role);
  }

  private Outcome dropPrincipal(String op, String principal) throws EngineException {
    String role = name(op, "role name", principal);
    try (Session admin = Session.admin(connections, timeout)) {
      if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", principal)) {
        return Outcome.noop();
      }
      try {
        admin.execute(op, "DROP ROLE IF EXISTS " + role);
      } catch (EngineException e) {
        if (!e.sqlState().orElse("").equals("2BP01")) {
          throw e;
        }
        // Privileges or default privileges in other databases hold the role. Hand anything it
        // owns to the operator's account (nothing is destroyed), drop what only references it,
        // in every database it could have been granted something in, and try again.
        List<String> databases =
            admin.query(
                "list databases",
                "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate",
                row -> row.getString(1));
        for (String database : databases) {
          try (Session inside = Session.on(connections, database, timeout)) {
            inside.execute(op, "REASSIGN OWNED BY " + role + " TO CURRENT_USER");
            inside.execute(op, "DROP OWNED BY " + role);
          }
        }
        admin.execute(op, "DROP ROLE IF EXISTS " + role);
      }
    }
    return Outcome.deleted("dropped role " + display(principal));
  }

  @Override
  public List<String> objectsOwnedBy(String principal) throws EngineException {
    String op = "list objects owned by " + display(principal);
    Identifiers.requirePlain(op, "role name", principal);
    List<String> owned = new ArrayList<>();
    List<String> databases;
    try (Session admin = Session.admin(connections, timeout)) {
      databases =
          admin.query(
              op,
              "SELECT d.datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba"
                  + " WHERE r.rolname = ? ORDER BY 1",
              row -> row.getString(1),
              principal);
      databases.forEach(d -> owned.add("database " + d));
      owned.addAll(ownedInside(admin, op, principal, "(admin database)"));
    }
    for (String database : databases) {
      try (Session inside = Session.on(connections, database, timeout)) {
        owned.addAll(ownedInside(inside, op, principal, database));
      }
    }
    return owned;
  }

  private static List<String> ownedInside(
      Session session, String op, String principal, String database) throws EngineException {
    return session.query(
        op,
        "SELECT kind || ' ' || name FROM ("
            + " SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'"
            + " WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,"
            + " n.nspname || '.' || c.relname AS name, c.relowner AS owner"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r','p','v','m','f','S')"
            + " UNION ALL SELECT 'schema', n.nspname, n.nspowner FROM pg_namespace n"
            + " UNION ALL SELECT 'function', n.nspname || '.' || p.proname, p.proowner"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace) o"
            + " WHERE o.owner = (SELECT oid FROM pg_roles WHERE rolname = ?)"
            + " AND o.name NOT LIKE 'pg\\_%' AND o.name NOT LIKE 'information\\_schema%'"
            + " ORDER BY 1",
        row -> row.getString(1) + " in " + database,
        principal);
  }

  // ---------------------------------------------------------------- grants

  @Override
  public GrantSet currentGrants(Grantee grantee, GrantScope scope) throws EngineException {
    return grants.current(grantee, scope);
  }

  @Override
  public GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException {
    return grants.resolve(grantee, requested);
  }

  @Override
  public void applyGrantPlan(Grantee grantee, GrantPlan plan) throws EngineException {
    grants.apply(grantee, plan);
  }

  // ---------------------------------------------------------------- shared

  static boolean exists(Session session, String sql, String name) throws EngineException {
    return !session.query("look up " + display(name), sql, row -> 1, name).isEmpty();
  }

  private static void require(String op, String what, String value, Pattern pattern)
      throws InvalidSpecException {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidSpecException(op, what + " " + display(value) + " is not valid");
    }
  }

  private static Instant parseValidUntil(String op, Optional<String> validUntil)
      throws InvalidSpecException {
    if (validUntil.isEmpty() || validUntil.get().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(validUntil.get()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidSpecException(
          op, "validUntil " + display(validUntil.get()) + " is not an RFC 3339 timestamp");
    }
  }
}
