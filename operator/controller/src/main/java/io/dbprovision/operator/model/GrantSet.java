package io.dbprovision.operator.model;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything a grantee holds, or should hold: role memberships, privileges on objects and (on
 * PostgreSQL) default privileges on future objects. Sorted, so that plans and reports list things
 * in a stable order.
 */
public record GrantSet(
    SortedSet<String> memberships,
    SortedSet<Privilege> privileges,
    SortedSet<DefaultPrivilege> defaultPrivileges) {

  public static final GrantSet EMPTY = new GrantSet(Set.of(), Set.of(), Set.of());

  public GrantSet(
      Set<String> memberships, Set<Privilege> privileges, Set<DefaultPrivilege> defaultPrivileges) {
    this(new TreeSet<>(memberships), new TreeSet<>(privileges), new TreeSet<>(defaultPrivileges));
  }

  public GrantSet {
    memberships = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(memberships));
    privileges = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(privileges));
    defaultPrivileges =
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(defaultPrivileges));
  }

  public boolean isEmpty() {
    return memberships.isEmpty() && privileges.isEmpty() && defaultPrivileges.isEmpty();
  }
}
