package io.dbprovision.operator.model;

import java.util.Comparator;

/**
 * A PostgreSQL default privilege: objects of {@code objectType} that {@code grantedBy} creates in
 * {@code schema} of {@code database} come with {@code privilege} for the grantee.
 */
public record DefaultPrivilege(
    String database, String schema, String grantedBy, String objectType, String privilege)
    implements Comparable<DefaultPrivilege> {
  private static final Comparator<DefaultPrivilege> ORDER =
      Comparator.comparing(DefaultPrivilege::database)
          .thenComparing(DefaultPrivilege::schema)
          .thenComparing(DefaultPrivilege::grantedBy)
          .thenComparing(DefaultPrivilege::objectType)
          .thenComparing(DefaultPrivilege::privilege);

  @Override
  public int compareTo(DefaultPrivilege other) {
    return ORDER.compare(this, other);
  }

  /** A dotted path for drift reports, such as {@code defaultPrivileges.orders.app.owner.tables}. */
  public String path() {
    return "defaultPrivileges." + database + "." + schema + "." + grantedBy + "." + objectType;
  }
}
