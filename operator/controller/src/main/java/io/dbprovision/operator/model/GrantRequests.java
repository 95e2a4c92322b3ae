package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.DatabaseGrantSpec;
import io.dbprovision.api.v1alpha1.DatabaseRoleSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.MySqlGrant;
import io.dbprovision.api.v1alpha1.PostgresDefaultPrivilege;
import io.dbprovision.api.v1alpha1.PostgresGrant;
import io.dbprovision.operator.model.GrantTarget.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the grant blocks of a DatabaseGrant or DatabaseRole into the requested {@link GrantSet} for
 * one engine. Only the block of the instance's engine is read.
 *
 * <p>PostgreSQL entries mean, by what they name:
 *
 * <ul>
 *   <li>a database only: privileges on the database (CONNECT, CREATE, TEMPORARY);
 *   <li>a schema without objects: USAGE, CREATE and ALL apply to the schema; table privileges
 *       (SELECT, INSERT, ...) apply to every table of the schema that exists at each pass;
 *   <li>tables, sequences or functions: privileges on each of them (functions by name, every
 *       overload). The schema defaults to {@code public}.
 * </ul>
 *
 * Privileges on objects inside a schema come with USAGE on that schema, without which they could
 * not be used. MySQL entries map one to one onto their level; a column grant is one target per
 * column.
 */
public final class GrantRequests {
  private static final Set<String> SCHEMA_PRIVILEGES =
      Set.of("USAGE", "CREATE", "ALL", "ALL PRIVILEGES");

  private GrantRequests() {}

  public static GrantSet forGrant(DatabaseGrantSpec spec, Engine engine) {
    if (engine == Engine.postgres) {
      var pg = spec.getPostgres();
      return pg == null
          ? GrantSet.EMPTY
          : postgres(pg.getRoles(), pg.getGrants(), pg.getDefaultPrivileges());
    }
    var my = spec.getMysql();
    return my == null ? GrantSet.EMPTY : mysql(my.getRoles(), my.getGrants());
  }

  /** A role's own privileges; its memberships are attributes ({@code inRoles}), not grants. */
  public static GrantSet forRole(DatabaseRoleSpec spec, Engine engine) {
    if (engine == Engine.postgres) {
      return spec.getPostgres() == null
          ? GrantSet.EMPTY
          : postgres(null, spec.getPostgres().getGrants(), null);
    }
    return spec.getMysql() == null ? GrantSet.EMPTY : mysql(null, spec.getMysql().getGrants());
  }

  static GrantSet postgres(
      List<String> roles, List<PostgresGrant> grants, List<PostgresDefaultPrivilege> defaults) {
    Set<Privilege> privileges = new HashSet<>();
    for (PostgresGrant grant : orEmpty(grants)) {
      boolean grantable = Boolean.TRUE.equals(grant.getWithGrantOption());
      String database = grant.getDatabase();
      boolean objects =
          !orEmpty(grant.getTables()).isEmpty()
              || !orEmpty(grant.getSequences()).isEmpty()
              || !orEmpty(grant.getFunctions()).isEmpty();
      if (grant.getSchema() == null && !objects) {
        for (String privilege : grant.getPrivileges()) {
          privileges.add(new Privilege(GrantTarget.database(database), privilege, grantable));
        }
        continue;
      }
      String schema = grant.getSchema() == null ? "public" : grant.getSchema();
      boolean inside = objects;
      for (String privilege : grant.getPrivileges()) {
        if (objects) {
          add(privileges, Level.TABLE, database, schema, grant.getTables(), privilege, grantable);
          add(
              privileges,
              Level.SEQUENCE,
              database,
              schema,
              grant.getSequences(),
              privilege,
              grantable);
          add(
              privileges,
              Level.FUNCTION,
              database,
              schema,
              grant.getFunctions(),
              privilege,
              grantable);
        } else if (SCHEMA_PRIVILEGES.contains(normalize(privilege))) {
          privileges.add(new Privilege(GrantTarget.schema(database, schema), privilege, grantable));
        } else {
          privileges.add(
              new Privilege(
                  GrantTarget.of(Level.TABLE, database, schema, GrantTarget.EVERY),
                  privilege,
                  grantable));
          inside = true;
        }
      }
      if (inside) {
        privileges.add(Privilege.on(GrantTarget.schema(database, schema), "USAGE"));
      }
    }
    Set<DefaultPrivilege> defaultPrivileges = new HashSet<>();
    for (PostgresDefaultPrivilege d : orEmpty(defaults)) {
      for (String privilege : d.getPrivileges()) {
        defaultPrivileges.add(
            new DefaultPrivilege(
                d.getDatabase(),
                d.getSchema(),
                d.getGrantedBy(),
                d.getObjectType().name(),
                privilege));
      }
    }
    return new GrantSet(new HashSet<>(orEmpty(roles)), privileges, defaultPrivileges);
  }

  private static void add(
      Set<Privilege> privileges,
      Level level,
      String database,
      String schema,
      List<String> objects,
      String privilege,
      boolean grantable) {
    for (String object : orEmpty(objects)) {
      privileges.add(
          new Privilege(GrantTarget.of(level, database, schema, object), privilege, grantable));
    }
  }

  static GrantSet mysql(List<String> roles, List<MySqlGrant> grants) {
    Set<Privilege> privileges = new HashSet<>();
    for (MySqlGrant grant : orEmpty(grants)) {
      boolean grantable = Boolean.TRUE.equals(grant.getWithGrantOption());
      for (String privilege : grant.getPrivileges()) {
        for (GrantTarget target : targets(grant)) {
          privileges.add(new Privilege(target, privilege, grantable));
        }
      }
    }
    return new GrantSet(new HashSet<>(orEmpty(roles)), privileges, Set.of());
  }

  private static List<GrantTarget> targets(MySqlGrant grant) {
    String db = grant.getDatabase();
    return switch (grant.getLevel()) {
      case global -> List.of(GrantTarget.global());
      case database -> List.of(GrantTarget.database(db));
      case table -> List.of(GrantTarget.of(Level.TABLE, db, null, grant.getTable()));
      case column ->
          orEmpty(grant.getColumns()).stream()
              .map(column -> GrantTarget.column(db, grant.getTable(), column))
              .toList();
      case procedure -> List.of(GrantTarget.of(Level.PROCEDURE, db, null, grant.getProcedure()));
      case function -> List.of(GrantTarget.of(Level.FUNCTION, db, null, grant.getFunction()));
    };
  }

  private static String normalize(String privilege) {
    return privilege == null ? "" : privilege.trim().toUpperCase(Locale.ROOT);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
