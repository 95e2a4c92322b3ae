package io.dbprovision.operator.model;

/** Who receives privileges: a login (DatabaseUser) or a role (DatabaseRole). */
public record Grantee(String name, Kind kind) {
  public enum Kind {
    USER,
    ROLE
  }

  public static Grantee user(String name) {
    return new Grantee(name, Kind.USER);
  }

  public static Grantee role(String name) {
    return new Grantee(name, Kind.ROLE);
  }
}
