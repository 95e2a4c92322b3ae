package io.dbprovision.operator.model;

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

  public RoleAttributes withCreateDb(boolean value) {
    return new RoleAttributes(
        login,
        inherit,
        value,
        createRole,
        superuser,
        replication,
        bypassRls,
        connectionLimit,
        validUntil,
        inRoles,
        configParameters);
  }

  public RoleAttributes withConnectionLimit(int value) {
    return new RoleAttributes(
        login,
        inherit,
        createDb,
        createRole,
        superuser,
        replication,
        bypassRls,
        value,
        validUntil,
        inRoles,
        configParameters);
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

  public RoleAttributes withConfigParameters(Map<String, String> value) {
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
        inRoles,
        value);
  }
}
