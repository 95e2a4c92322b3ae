package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.AppliedGrants;
import java.util.List;
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

  /** The {@code status.appliedGrants} block for a grant that now holds this set. */
  public AppliedGrants toStatus() {
    AppliedGrants applied = new AppliedGrants();
    applied.setRoles(List.copyOf(memberships));
    applied.setDirectGrants(privileges.size());
    applied.setDefaultPrivileges(defaultPrivileges.size());
    return applied;
  }

  public boolean isEmpty() {
    return memberships.isEmpty() && privileges.isEmpty() && defaultPrivileges.isEmpty();
  }
}
