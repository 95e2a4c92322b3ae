package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.DatabaseUserSpec;

/** A login (DatabaseUser) as a resource wants it; the password travels separately. */
public record DesiredLogin(String name, RoleAttributes postgres, MySqlAccount mysql) {
  public DesiredLogin {
    postgres = postgres == null ? RoleAttributes.LOGIN : postgres;
    mysql = mysql == null ? MySqlAccount.DEFAULTS : mysql;
  }

  public static DesiredLogin named(String name) {
    return new DesiredLogin(name, null, null);
  }

  public static DesiredLogin from(DatabaseUserSpec spec) {
    return new DesiredLogin(
        spec.getUsername(),
        RoleAttributes.from(spec.getPostgres()),
        MySqlAccount.from(spec.getMysql()));
  }
}
