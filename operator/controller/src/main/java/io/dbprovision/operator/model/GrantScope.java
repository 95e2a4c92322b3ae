package io.dbprovision.operator.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of a grantee's privileges that one resource manages, so that revoking "what the spec no
 * longer has" never reaches beyond it. Current grants are read only inside the scope:
 *
 * <ul>
 *   <li>object privileges in {@code databases} (and global privileges when {@code global});
 *   <li>role memberships when {@code memberships}, except {@code foreignMemberships}, which another
 *       resource owns (a DatabaseUser's {@code inRoles}).
 * </ul>
 *
 * A privilege in a database the spec stops naming is outside the scope and stays; the reconciler
 * widens the scope with the resource's own database so that removals there are revoked.
 */
public record GrantScope(
    Set<String> databases, boolean global, boolean memberships, Set<String> foreignMemberships) {

  public GrantScope {
    databases = Set.copyOf(new TreeSet<>(databases));
    foreignMemberships = Set.copyOf(foreignMemberships);
  }

  /** The databases the desired set names, global privileges, and every membership. */
  public static GrantScope of(GrantSet desired) {
    Set<String> databases = new HashSet<>();
    desired.privileges().stream()
        .map(p -> p.target().database())
        .filter(d -> d != null)
        .forEach(databases::add);
    desired.defaultPrivileges().forEach(d -> databases.add(d.database()));
    return new GrantScope(databases, true, true, Set.of());
  }

  public GrantScope withDatabase(String database) {
    Set<String> wider = new HashSet<>(databases);
    wider.add(database);
    return new GrantScope(wider, global, memberships, foreignMemberships);
  }

  public GrantScope excludingMemberships(Collection<String> roles) {
    Set<String> foreign = new HashSet<>(foreignMemberships);
    foreign.addAll(roles);
    return new GrantScope(databases, global, memberships, foreign);
  }

  /**
   * The same scope without any role membership: for a DatabaseRole's own privileges, whose
   * memberships are its {@code inRoles} attribute or belong to DatabaseGrants naming the role.
   */
  public GrantScope withoutMemberships() {
    return new GrantScope(databases, global, false, foreignMemberships);
  }

  /** Whether a privilege on this target is managed by the resource. */
  public boolean covers(GrantTarget target) {
    return target.level() == GrantTarget.Level.GLOBAL
        ? global
        : databases.contains(target.database());
  }

  public boolean coversMembership(String role) {
    return memberships && !foreignMemberships.contains(role);
  }
}
