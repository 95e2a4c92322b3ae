package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.DatabaseRoleSpec;

/**
 * A role (DatabaseRole) as a resource wants it. Its privileges are a {@link GrantSet} for the
 * grantee {@link Grantee#role(String)}, applied like a DatabaseGrant's.
 */
public record DesiredRole(String name, RoleAttributes postgres) {
  public DesiredRole {
    postgres = postgres == null ? RoleAttributes.GROUP : postgres;
  }

  public static DesiredRole named(String name) {
    return new DesiredRole(name, null);
  }

  public static DesiredRole from(DatabaseRoleSpec spec) {
    return new DesiredRole(spec.getRoleName(), RoleAttributes.from(spec.getPostgres()));
  }
}
