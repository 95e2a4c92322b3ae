package io.dbprovision.operator.engine.mysql;

import static io.dbprovision.operator.engine.Identifiers.display;

import io.dbprovision.operator.engine.Changes;
import io.dbprovision.operator.engine.ConnectionSource;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.engine.Session;
import io.dbprovision.operator.engine.StatementFailedException;
import io.dbprovision.operator.model.DriftReport.Difference;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.GrantTarget;
import io.dbprovision.operator.model.GrantTarget.Level;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Privilege;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * MySQL/MariaDB privileges, account by account: a login with two host patterns is two accounts, and
 * each is compared and changed on its own, so one that lacks a privilege gets it without the other
 * being touched. Privileges are read from {@code information_schema} (global, database, table,
 * column) and {@code mysql.procs_priv} (routines); memberships from {@code mysql.roles_mapping}
 * (MariaDB) or {@code mysql.role_edges} (MySQL). The operator's account needs SELECT on {@code
 * mysql.*} to see other accounts' privileges there.
 */
final class MySqlGrants {
  private record Account(String name, String host, boolean role) {
    String granteeText() {
      return "'" + name + "'@'" + host + "'";
    }
  }

  private final MySqlEngine engine;
  private final ConnectionSource connections;
  private final Duration timeout;

  MySqlGrants(MySqlEngine engine, ConnectionSource connections, Duration timeout) {
    this.engine = engine;
    this.connections = connections;
    this.timeout = timeout;
  }

  private List<Account> accounts(Session admin, String op, Grantee grantee) throws EngineException {
    Identifiers.requirePlain(op, "grantee", grantee.name());
    if (grantee.kind() == Grantee.Kind.ROLE) {
      return List.of(
          new Account(grantee.name(), engine.flavor() == MySqlFlavor.MARIADB ? "" : "%", true));
    }
    List<Account> accounts = new ArrayList<>();
    for (String host : engine.hostsOf(admin, grantee.name())) {
      accounts.add(new Account(grantee.name(), Identifiers.requireHost(op, host), false));
    }
    if (accounts.isEmpty()) {
      throw new StatementFailedException(
          op, "user " + display(grantee.name()) + " does not exist (yet)", null, null);
    }
    return accounts;
  }

  // ---------------------------------------------------------------- reading

  GrantSet current(Grantee grantee, GrantScope scope) throws EngineException {
    String op = "read grants of " + display(grantee.name());
    Set<String> memberships = new TreeSet<>();
    Set<Privilege> privileges = new HashSet<>();
    try (Session admin = Session.admin(connections, timeout)) {
      for (Account account : accounts(admin, op, grantee)) {
        GrantSet one = read(admin, op, account, scope);
        memberships.addAll(one.memberships());
        privileges.addAll(one.privileges());
      }
    }
    return new GrantSet(memberships, privileges, Set.of());
  }

  private GrantSet read(Session admin, String op, Account account, GrantScope scope)
      throws EngineException {
    Set<String> memberships = new TreeSet<>();
    admin
        .query(
            op,
            engine.flavor() == MySqlFlavor.MARIADB
                ? "SELECT Role FROM mysql.roles_mapping WHERE User = ? AND Host = ?"
                : "SELECT FROM_USER FROM mysql.role_edges WHERE TO_USER = ? AND TO_HOST = ?",
            row -> row.getString(1),
            account.name(),
            account.host())
        .stream()
        .filter(scope::coversMembership)
        .forEach(memberships::add);

    String grantee = account.granteeText();
    List<Privilege> privileges = new ArrayList<>();
    privileges.addAll(
        admin.query(
            op,
            "SELECT PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.USER_PRIVILEGES"
                + " WHERE GRANTEE = ? AND PRIVILEGE_TYPE <> 'USAGE'",
            row -> new Privilege(GrantTarget.global(), row.getString(1), yes(row.getString(2))),
            grantee));
    privileges.addAll(
        admin.query(
            op,
            "SELECT TABLE_SCHEMA, PRIVILEGE_TYPE, IS_GRANTABLE"
                + " FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?",
            row ->
                new Privilege(
                    GrantTarget.database(row.getString(1)),
                    row.getString(2),
                    yes(row.getString(3))),
            grantee));
    privileges.addAll(
        admin.query(
            op,
            "SELECT TABLE_SCHEMA, TABLE_NAME, PRIVILEGE_TYPE, IS_GRANTABLE"
                + " FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?",
            row ->
                new Privilege(
                    GrantTarget.of(Level.TABLE, row.getString(1), null, row.getString(2)),
                    row.getString(3),
                    yes(row.getString(4))),
            grantee));
    privileges.addAll(
        admin.query(
            op,
            "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, PRIVILEGE_TYPE, IS_GRANTABLE"
                + " FROM information_schema.COLUMN_PRIVILEGES WHERE GRANTEE = ?",
            row ->
                new Privilege(
                    GrantTarget.column(row.getString(1), row.getString(2), row.getString(3)),
                    row.getString(4),
                    yes(row.getString(5))),
            grantee));
    for (String[] routine :
        admin.query(
            op,
            "SELECT Db, Routine_name, Routine_type, Proc_priv FROM mysql.procs_priv"
                + " WHERE User = ? AND Host = ?",
            row ->
                new String[] {
                  row.getString(1), row.getString(2), row.getString(3), row.getString(4)
                },
            account.name(),
            account.host())) {
      Level level = "FUNCTION".equalsIgnoreCase(routine[2]) ? Level.FUNCTION : Level.PROCEDURE;
      Set<String> names = new HashSet<>(List.of(routine[3].split(",")));
      boolean grantable = names.remove("Grant");
      for (String name : names) {
        if (!name.isBlank()) {
          privileges.add(
              new Privilege(
                  GrantTarget.of(level, routine[0], null, routine[1]),
                  name.toUpperCase(Locale.ROOT),
                  grantable));
        }
      }
    }
    privileges.removeIf(p -> !scope.covers(p.target()));
    return new GrantSet(memberships, new HashSet<>(privileges), Set.of());
  }

  private static boolean yes(String value) {
    return "YES".equalsIgnoreCase(value);
  }

  // ---------------------------------------------------------------- resolving

  GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException {
    String op = "resolve grants of " + display(grantee.name());
    MySqlDialect sql = engine.dialect();
    Identifiers.requirePlain(op, "grantee", grantee.name());
    for (String role : requested.memberships()) {
      Identifiers.requirePlain(op, "role", role);
    }
    if (!requested.defaultPrivileges().isEmpty()) {
      throw new InvalidSpecException(op, "MySQL has no default privileges");
    }
    Set<Privilege> resolved = new HashSet<>();
    for (Privilege privilege : requested.privileges()) {
      GrantTarget target = privilege.target();
      on(op, sql, target); // validates every name in the target
      for (String name :
          MySqlPrivileges.expand(op, target.level(), privilege.privilege(), engine.flavor())) {
        resolved.add(new Privilege(target, name, privilege.grantable()));
      }
    }
    return new GrantSet(requested.memberships(), resolved, Set.of());
  }

  // ---------------------------------------------------------------- changing

  Outcome ensure(Grantee grantee, GrantSet requested, GrantScope scope, Enforcement enforcement)
      throws EngineException {
    String op = "change grants of " + display(grantee.name());
    GrantSet desired = resolve(grantee, requested);
    Changes changes = new Changes(enforcement);
    try (Session admin = Session.admin(connections, timeout)) {
      List<Account> accounts = accounts(admin, op, grantee);
      for (Account account : accounts) {
        GrantPlan plan = GrantPlan.diff(read(admin, op, account, scope), desired);
        String prefix = accounts.size() > 1 ? account.host() + "." : "";
        GrantPlan revocations = plan.revocationsOnly();
        changes.differ(
            prefixed(prefix, revocations.differences()),
            DatabaseEngine.REVOKED
                + count(revocations)
                + " on "
                + display(account.name() + "@" + account.host()),
            () -> apply(admin, op, account, revocations));
        GrantPlan grants = plan.grantsOnly();
        changes.differ(
            prefixed(prefix, grants.differences()),
            DatabaseEngine.GRANTED
                + count(grants)
                + " on "
                + display(account.name() + "@" + account.host()),
            () -> apply(admin, op, account, grants));
      }
    }
    return changes.outcome();
  }

  void apply(Grantee grantee, GrantPlan plan) throws EngineException {
    String op = "change grants of " + display(grantee.name());
    try (Session admin = Session.admin(connections, timeout)) {
      for (Account account : accounts(admin, op, grantee)) {
        apply(admin, op, account, plan);
      }
    }
  }

  private void apply(Session admin, String op, Account account, GrantPlan plan)
      throws EngineException {
    MySqlDialect sql = engine.dialect();
    String to =
        account.role()
            ? engine.roleClause(op, account.name())
            : sql.account(op, account.name(), account.host());
    for (String role : plan.membershipsToRevoke()) {
      admin.execute(op, "REVOKE " + engine.roleClause(op, role) + " FROM " + to);
    }
    for (Map.Entry<String, List<Privilege>> group :
        byObject(op, sql, plan.privilegesToRevoke()).entrySet()) {
      List<Privilege> privileges = group.getValue();
      admin.execute(
          op, "REVOKE " + names(op, sql, privileges) + " ON " + group.getKey() + " FROM " + to);
      if (privileges.stream().anyMatch(Privilege::grantable)) {
        admin.execute(op, "REVOKE GRANT OPTION ON " + group.getKey() + " FROM " + to);
      }
    }
    for (String role : plan.membershipsToGrant()) {
      admin.execute(op, "GRANT " + engine.roleClause(op, role) + " TO " + to);
    }
    for (Map.Entry<String, List<Privilege>> group :
        byObject(op, sql, plan.privilegesToGrant()).entrySet()) {
      List<Privilege> privileges = group.getValue();
      admin.execute(
          op,
          "GRANT "
              + names(op, sql, privileges)
              + " ON "
              + group.getKey()
              + " TO "
              + to
              + (privileges.stream().anyMatch(Privilege::grantable) ? " WITH GRANT OPTION" : ""));
    }
  }

  /** Privileges grouped by the object clause they share (columns stay with their privilege). */
  private Map<String, List<Privilege>> byObject(
      String op, MySqlDialect sql, Collection<Privilege> privileges) throws EngineException {
    Map<String, List<Privilege>> groups = new LinkedHashMap<>();
    for (Privilege privilege : privileges) {
      groups
          .computeIfAbsent(on(op, sql, privilege.target()), k -> new ArrayList<>())
          .add(privilege);
    }
    return groups;
  }

  /** The privilege list, keywords taken from the allowlist, with the column when there is one. */
  private String names(String op, MySqlDialect sql, List<Privilege> privileges)
      throws EngineException {
    List<String> names = new ArrayList<>();
    for (Privilege privilege : privileges) {
      List<String> keyword =
          MySqlPrivileges.expand(
              op, privilege.target().level(), privilege.privilege(), engine.flavor());
      String column =
          privilege.target().level() == Level.COLUMN
              ? " (" + sql.object(op, "column", privilege.target().column()) + ")"
              : "";
      names.add(keyword.get(0) + column);
    }
    return String.join(", ", names);
  }

  private static String on(String op, MySqlDialect sql, GrantTarget target)
      throws InvalidSpecException {
    return switch (target.level()) {
      case GLOBAL -> "*.*";
      case DATABASE -> sql.object(op, "database", target.database()) + ".*";
      case TABLE, COLUMN ->
          sql.object(op, "database", target.database())
              + "."
              + sql.object(op, "table", target.object());
      case PROCEDURE ->
          "PROCEDURE "
              + sql.object(op, "database", target.database())
              + "."
              + sql.object(op, "procedure", target.object());
      case FUNCTION ->
          "FUNCTION "
              + sql.object(op, "database", target.database())
              + "."
              + sql.object(op, "function", target.object());
      default ->
          throw new InvalidSpecException(
              op, "MySQL has no " + target.level().name().toLowerCase(Locale.ROOT) + " privileges");
    };
  }

  private static List<Difference> prefixed(String prefix, List<Difference> differences) {
    if (prefix.isEmpty()) {
      return differences;
    }
    return differences.stream()
        .map(
            d ->
                new Difference(
                    prefix + d.field(), d.expected(), d.actual(), d.destructive(), d.immutable()))
        .toList();
  }

  private static String count(GrantPlan plan) {
    return (plan.membershipsToGrant().size() + plan.membershipsToRevoke().size())
        + " role membership(s) and "
        + (plan.privilegesToGrant().size() + plan.privilegesToRevoke().size())
        + " privilege(s)";
  }
}
