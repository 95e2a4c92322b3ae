package io.dbprovision.operator.engine.postgres;

import static io.dbprovision.operator.engine.Identifiers.display;
import static io.dbprovision.operator.engine.postgres.PostgresDialect.object;

import io.dbprovision.operator.engine.ConnectionSource;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.engine.Session;
import io.dbprovision.operator.engine.StatementFailedException;
import io.dbprovision.operator.model.DefaultPrivilege;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.operator.model.GrantTarget.Level;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Privilege;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PostgreSQL privileges: read from the ACL columns of the catalogs with {@code aclexplode}, and
 * changed with GRANT/REVOKE. Objects the grantee owns are left out, because an owner's implicit
 * privileges are not grants and must never be revoked.
 *
 * <p>Function targets are identified by a signature the server formats ({@code format('%I.%I(%s)',
 * schema, name, identity arguments)}); that text is quoted by the server and used verbatim in GRANT
 * and REVOKE.
 */
final class PostgresGrants {
  /** The server version, read once per engine. */
  @FunctionalInterface
  interface VersionSource {
    int get() throws EngineException;
  }

  private static final String GRANTEE_OID = "(SELECT oid FROM pg_roles WHERE rolname = ?)";

  private final ConnectionSource connections;
  private final Duration timeout;
  private final VersionSource version;

  PostgresGrants(ConnectionSource connections, Duration timeout, VersionSource version) {
    this.connections = connections;
    this.timeout = timeout;
    this.version = version;
  }

  // ---------------------------------------------------------------- reading

  GrantSet current(Grantee grantee, GrantScope scope) throws EngineException {
    String op = "read grants of " + display(grantee.name());
    Identifiers.requirePlain(op, "grantee", grantee.name());
    Set<String> memberships = new TreeSet<>();
    Set<Privilege> privileges = new HashSet<>();
    Set<DefaultPrivilege> defaults = new HashSet<>();
    List<String> databases;
    try (Session admin = Session.admin(connections, timeout)) {
      admin
          .query(
              op,
              "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                  + " WHERE m.member = "
                  + GRANTEE_OID,
              row -> row.getString(1),
              grantee.name())
          .stream()
          .filter(scope::coversMembership)
          .forEach(memberships::add);
      databases =
          admin.query(
              op,
              "SELECT datname FROM pg_database WHERE datname = ANY(?) AND datallowconn",
              row -> row.getString(1),
              scope.databases());
      privileges.addAll(
          admin.query(
              op,
              "SELECT d.datname, a.privilege_type, a.is_grantable FROM pg_database d"
                  + " CROSS JOIN LATERAL aclexplode(d.datacl) a"
                  + " WHERE a.grantee = "
                  + GRANTEE_OID
                  + " AND d.datdba <> a.grantee AND d.datname = ANY(?)",
              row ->
                  new Privilege(
                      GrantTarget.database(row.getString(1)), row.getString(2), row.getBoolean(3)),
              grantee.name(),
              scope.databases()));
    }
    for (String database : databases) {
      try (Session inside = Session.on(connections, database, timeout)) {
        privileges.addAll(objectPrivileges(inside, op, database, grantee.name()));
        defaults.addAll(defaultPrivileges(inside, op, database, grantee.name()));
      }
    }
    return new GrantSet(memberships, privileges, defaults);
  }

  private static List<Privilege> objectPrivileges(
      Session inside, String op, String database, String grantee) throws EngineException {
    List<Privilege> privileges = new ArrayList<>();
    privileges.addAll(
        inside.query(
            op,
            "SELECT n.nspname, a.privilege_type, a.is_grantable FROM pg_namespace n"
                + " CROSS JOIN LATERAL aclexplode(n.nspacl) a"
                + " WHERE a.grantee = "
                + GRANTEE_OID
                + " AND n.nspowner <> a.grantee",
            row ->
                new Privilege(
                    GrantTarget.schema(database, row.getString(1)),
                    row.getString(2),
                    row.getBoolean(3)),
            grantee));
    privileges.addAll(
        inside.query(
            op,
            "SELECT n.nspname, c.relname, c.relkind, a.privilege_type, a.is_grantable"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " CROSS JOIN LATERAL aclexplode(c.relacl) a"
                + " WHERE a.grantee = "
                + GRANTEE_OID
                + " AND c.relowner <> a.grantee"
                + " AND c.relkind IN ('r','p','v','m','f','S')",
            row ->
                new Privilege(
                    GrantTarget.of(
                        "S".equals(row.getString(3)) ? Level.SEQUENCE : Level.TABLE,
                        database,
                        row.getString(1),
                        row.getString(2)),
                    row.getString(4),
                    row.getBoolean(5)),
            grantee));
    privileges.addAll(
        inside.query(
            op,
            "SELECT n.nspname, format('%I.%I(%s)', n.nspname, p.proname,"
                + " pg_get_function_identity_arguments(p.oid)), a.privilege_type, a.is_grantable"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " CROSS JOIN LATERAL aclexplode(p.proacl) a"
                + " WHERE a.grantee = "
                + GRANTEE_OID
                + " AND p.proowner <> a.grantee",
            row ->
                new Privilege(
                    GrantTarget.of(Level.FUNCTION, database, row.getString(1), row.getString(2)),
                    row.getString(3),
                    row.getBoolean(4)),
            grantee));
    return privileges;
  }

  private static List<DefaultPrivilege> defaultPrivileges(
      Session inside, String op, String database, String grantee) throws EngineException {
    return inside.query(
        op,
        "SELECT n.nspname, pg_get_userbyid(d.defaclrole), d.defaclobjtype::text, a.privilege_type"
            + " FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace"
            + " CROSS JOIN LATERAL aclexplode(d.defaclacl) a WHERE a.grantee = "
            + GRANTEE_OID,
        row ->
            new DefaultPrivilege(
                database,
                row.getString(1),
                row.getString(2),
                objectTypeName(row.getString(3)),
                row.getString(4)),
        grantee);
  }

  private static String objectTypeName(String code) {
    return PostgresPrivileges.DEFAULT_OBJECT_TYPES.entrySet().stream()
        .filter(e -> e.getValue().equals(code))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(code);
  }

  // ---------------------------------------------------------------- resolving a request

  GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException {
    String op = "resolve grants of " + display(grantee.name());
    Identifiers.requirePlain(op, "grantee", grantee.name());
    for (String role : requested.memberships()) {
      Identifiers.requireQuotable(op, "role", role, PostgresDialect.MAX_NAME_BYTES);
    }
    int serverVersion = version.get();
    Set<Privilege> resolved = new HashSet<>();
    Map<String, List<Privilege>> byDatabase = new TreeMap<>();
    for (Privilege privilege : requested.privileges()) {
      GrantTarget target = privilege.target();
      validate(op, target);
      if (target.level() == Level.DATABASE || target.level() == Level.SCHEMA) {
        for (String name :
            PostgresPrivileges.expand(op, target.level(), privilege.privilege(), serverVersion)) {
          resolved.add(new Privilege(target, name, privilege.grantable()));
        }
      } else {
        byDatabase.computeIfAbsent(target.database(), d -> new ArrayList<>()).add(privilege);
      }
    }
    for (Map.Entry<String, List<Privilege>> entry : byDatabase.entrySet()) {
      try (Session inside = Session.on(connections, entry.getKey(), timeout)) {
        for (Privilege privilege : entry.getValue()) {
          List<String> names =
              PostgresPrivileges.expand(
                  op, privilege.target().level(), privilege.privilege(), serverVersion);
          for (GrantTarget target : objects(inside, op, privilege.target())) {
            names.forEach(name -> resolved.add(new Privilege(target, name, privilege.grantable())));
          }
        }
      }
    }
    Set<DefaultPrivilege> defaults = new HashSet<>();
    for (DefaultPrivilege wanted : requested.defaultPrivileges()) {
      object(op, "database", wanted.database());
      object(op, "schema", wanted.schema());
      PostgresDialect.name(op, "grantedBy", wanted.grantedBy());
      for (String name :
          PostgresPrivileges.expandDefault(op, wanted.objectType(), wanted.privilege())) {
        defaults.add(
            new DefaultPrivilege(
                wanted.database(), wanted.schema(), wanted.grantedBy(), wanted.objectType(), name));
      }
    }
    return new GrantSet(requested.memberships(), resolved, defaults);
  }

  private static void validate(String op, GrantTarget target) throws InvalidSpecException {
    switch (target.level()) {
      case DATABASE, SCHEMA, TABLE, SEQUENCE, FUNCTION -> {}
      default ->
          throw new InvalidSpecException(
              op, "PostgreSQL has no " + target.level().name().toLowerCase() + " privileges");
    }
    object(op, "database", target.database());
    if (target.level() != Level.DATABASE) {
      object(op, "schema", target.schema());
    }
    if (target.object() != null && !target.isWildcard()) {
      object(op, "object name", target.object());
    }
  }

  /** The existing objects a requested target stands for. */
  private static List<GrantTarget> objects(Session inside, String op, GrantTarget target)
      throws EngineException {
    String relkinds = target.level() == Level.SEQUENCE ? "('S')" : "('r','p','v','m','f')";
    List<GrantTarget> found;
    if (target.level() == Level.FUNCTION) {
      found =
          inside.query(
              op,
              "SELECT format('%I.%I(%s)', n.nspname, p.proname,"
                  + " pg_get_function_identity_arguments(p.oid))"
                  + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                  + " WHERE n.nspname = ? AND (p.proname = ? OR ? = '*') AND p.prokind = 'f'",
              row ->
                  GrantTarget.of(
                      Level.FUNCTION, target.database(), target.schema(), row.getString(1)),
              target.schema(),
              target.object(),
              target.object());
    } else {
      found =
          inside.query(
              op,
              "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = ? AND (c.relname = ? OR ? = '*') AND c.relkind IN "
                  + relkinds,
              row ->
                  GrantTarget.of(
                      target.level(), target.database(), target.schema(), row.getString(1)),
              target.schema(),
              target.object(),
              target.object());
    }
    if (found.isEmpty() && !target.isWildcard()) {
      throw new StatementFailedException(
          op,
          target.level().name().toLowerCase()
              + " "
              + display(target.schema() + "." + target.object())
              + " does not exist in database "
              + display(target.database())
              + " (yet); it is granted once it does",
          null,
          null);
    }
    return found;
  }

  // ---------------------------------------------------------------- applying a plan

  void apply(Grantee grantee, GrantPlan plan) throws EngineException {
    String op = "change grants of " + display(grantee.name());
    String to = PostgresDialect.name(op, "grantee", grantee.name());
    List<String> adminStatements = new ArrayList<>();
    Map<String, List<String>> perDatabase = new TreeMap<>();
    for (String role : plan.membershipsToRevoke()) {
      adminStatements.add("REVOKE " + object(op, "role", role) + " FROM " + to);
    }
    for (Privilege p : plan.privilegesToRevoke()) {
      String sql =
          "REVOKE "
              + name(op, p)
              + " ON "
              + on(op, p.target())
              + " FROM "
              + to
              + (p.grantable() ? " CASCADE" : "");
      route(p.target(), sql, adminStatements, perDatabase);
    }
    for (DefaultPrivilege d : plan.defaultPrivilegesToRevoke()) {
      perDatabase
          .computeIfAbsent(d.database(), x -> new ArrayList<>())
          .add(defaults(op, d, "REVOKE", "FROM", to));
    }
    for (String role : plan.membershipsToGrant()) {
      adminStatements.add("GRANT " + object(op, "role", role) + " TO " + to);
    }
    for (Privilege p : plan.privilegesToGrant()) {
      String sql =
          "GRANT "
              + name(op, p)
              + " ON "
              + on(op, p.target())
              + " TO "
              + to
              + (p.grantable() ? " WITH GRANT OPTION" : "");
      route(p.target(), sql, adminStatements, perDatabase);
    }
    for (DefaultPrivilege d : plan.defaultPrivilegesToGrant()) {
      perDatabase
          .computeIfAbsent(d.database(), x -> new ArrayList<>())
          .add(defaults(op, d, "GRANT", "TO", to));
    }
    if (!adminStatements.isEmpty()) {
      try (Session admin = Session.admin(connections, timeout)) {
        for (String sql : adminStatements) {
          admin.execute(op, sql);
        }
      }
    }
    for (Map.Entry<String, List<String>> entry : perDatabase.entrySet()) {
      try (Session inside = Session.on(connections, entry.getKey(), timeout)) {
        for (String sql : entry.getValue()) {
          inside.execute(op + " in database " + display(entry.getKey()), sql);
        }
      }
    }
  }

  private static void route(
      GrantTarget target, String sql, List<String> admin, Map<String, List<String>> perDatabase) {
    if (target.level() == Level.DATABASE) {
      admin.add(sql);
    } else {
      perDatabase.computeIfAbsent(target.database(), x -> new ArrayList<>()).add(sql);
    }
  }

  /** The privilege keyword, taken from the allowlist rather than from the request. */
  private String name(String op, Privilege privilege) throws EngineException {
    List<String> names =
        PostgresPrivileges.expand(
            op, privilege.target().level(), privilege.privilege(), version.get());
    if (names.size() != 1) {
      throw new InvalidSpecException(op, "a resolved privilege must be a single privilege");
    }
    return names.get(0);
  }

  private static String on(String op, GrantTarget target) throws InvalidSpecException {
    return switch (target.level()) {
      case DATABASE -> "DATABASE " + object(op, "database", target.database());
      case SCHEMA -> "SCHEMA " + object(op, "schema", target.schema());
      case TABLE ->
          "TABLE "
              + object(op, "schema", target.schema())
              + "."
              + object(op, "table", target.object());
      case SEQUENCE ->
          "SEQUENCE "
              + object(op, "schema", target.schema())
              + "."
              + object(op, "sequence", target.object());
      case FUNCTION -> "FUNCTION " + serverSignature(op, target.object());
      default ->
          throw new InvalidSpecException(
              op, "PostgreSQL has no " + target.level().name().toLowerCase() + " privileges");
    };
  }

  /**
   * A function signature as {@code format('%I.%I(%s)')} printed it. Only such text reaches this
   * point; it is still refused if it could end the statement.
   */
  private static String serverSignature(String op, String signature) throws InvalidSpecException {
    Identifiers.requireQuotable(op, "function signature", signature, 1024);
    if (!signature.endsWith(")") || signature.contains(";")) {
      throw new InvalidSpecException(
          op, "function " + display(signature) + " is not a resolved signature");
    }
    return signature;
  }

  private String defaults(String op, DefaultPrivilege d, String verb, String preposition, String to)
      throws EngineException {
    List<String> names = PostgresPrivileges.expandDefault(op, d.objectType(), d.privilege());
    return "ALTER DEFAULT PRIVILEGES FOR ROLE "
        + PostgresDialect.name(op, "grantedBy", d.grantedBy())
        + " IN SCHEMA "
        + object(op, "schema", d.schema())
        + " "
        + verb
        + " "
        + names.get(0)
        + " ON "
        + d.objectType().toUpperCase(java.util.Locale.ROOT)
        + " "
        + preposition
        + " "
        + to;
  }
}
