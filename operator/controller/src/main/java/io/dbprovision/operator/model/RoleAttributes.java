package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.PostgresRoleSpec;
import io.dbprovision.api.v1alpha1.PostgresUserSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL role attributes, shared by logins and roles. {@code inRoles} are memberships this role
 * should hold; they are granted when missing, and an extra membership is destructive drift.
 */
public record RoleAttributes(
    boolean login,
    boolean inherit,
    boolean createDb,
    boolean createRole,
    boolean superuser,
    boolean replication,
    boolean bypassRls,
    int connectionLimit,
    Optional<String> validUntil,
    List<String> inRoles,
    Map<String, String> configParameters) {

  /** A login: LOGIN and INHERIT, nothing else. */
  public static final RoleAttributes LOGIN =
      new RoleAttributes(
          true, true, false, false, false, false, false, -1, Optional.empty(), List.of(), Map.of());

  /** A group role: NOLOGIN and INHERIT, nothing else. */
  public static final RoleAttributes GROUP =
      new RoleAttributes(
          false,
          true,
          false,
          false,
          false,
          false,
          false,
          -1,
          Optional.empty(),
          List.of(),
          Map.of());

  public RoleAttributes {
    validUntil = validUntil == null ? Optional.empty() : validUntil;
    inRoles = List.copyOf(inRoles);
    configParameters = Map.copyOf(configParameters);
  }

  /** A DatabaseUser's postgres block; absent fields take the schema's defaults. */
  public static RoleAttributes from(PostgresUserSpec spec) {
    if (spec == null) {
      return LOGIN;
    }
    return new RoleAttributes(
        orDefault(spec.getLogin(), true),
        orDefault(spec.getInherit(), true),
        orDefault(spec.getCreateDB(), false),
        orDefault(spec.getCreateRole(), false),
        orDefault(spec.getSuperuser(), false),
        orDefault(spec.getReplication(), false),
        orDefault(spec.getBypassRLS(), false),
        spec.getConnectionLimit() == null ? -1 : spec.getConnectionLimit(),
        Optional.ofNullable(spec.getValidUntil()),
        spec.getInRoles() == null ? List.of() : spec.getInRoles(),
        spec.getConfigParameters() == null ? Map.of() : spec.getConfigParameters());
  }

  /** A DatabaseRole's postgres block; absent fields take the schema's defaults. */
  public static RoleAttributes from(PostgresRoleSpec spec) {
    if (spec == null) {
      return GROUP;
    }
    return new RoleAttributes(
        orDefault(spec.getLogin(), false),
        orDefault(spec.getInherit(), true),
        orDefault(spec.getCreateDB(), false),
        orDefault(spec.getCreateRole(), false),
        orDefault(spec.getSuperuser(), false),
        orDefault(spec.getReplication(), false),
        orDefault(spec.getBypassRLS(), false),
        -1,
        Optional.empty(),
        spec.getInRoles() == null ? List.of() : spec.getInRoles(),
        Map.of());
  }

  private static boolean orDefault(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  public RoleAttributes withInRoles(List<String> value) {
    return new RoleAttributes(
        login,
        inherit,
        createDb,
        createRole,
        superuser,
        replication,
        bypassRls,
        connectionLimit,
        validUntil,
        value,
        configParameters);
  }
}
