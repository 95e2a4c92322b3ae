package io.dbprovision.operator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What to revoke and what to grant so that a grantee holds exactly the desired set: everything the
 * server has that the spec no longer asks for is revoked, everything missing is granted. Revokes
 * run before grants, so a privilege whose grant option changed is revoked and granted again.
 */
public record GrantPlan(
    SortedSet<String> membershipsToRevoke,
    SortedSet<String> membershipsToGrant,
    SortedSet<Privilege> privilegesToRevoke,
    SortedSet<Privilege> privilegesToGrant,
    SortedSet<DefaultPrivilege> defaultPrivilegesToRevoke,
    SortedSet<DefaultPrivilege> defaultPrivilegesToGrant) {

  /** The plan that takes {@code current} to {@code desired}. Both must already be resolved. */
  public static GrantPlan diff(GrantSet current, GrantSet desired) {
    return new GrantPlan(
        minus(current.memberships(), desired.memberships()),
        minus(desired.memberships(), current.memberships()),
        minus(current.privileges(), desired.privileges()),
        minus(desired.privileges(), current.privileges()),
        minus(current.defaultPrivileges(), desired.defaultPrivileges()),
        minus(desired.defaultPrivileges(), current.defaultPrivileges()));
  }

  private static <T extends Comparable<T>> SortedSet<T> minus(
      Collection<T> from, Collection<T> remove) {
    SortedSet<T> result = new TreeSet<>(from);
    result.removeAll(remove);
    return java.util.Collections.unmodifiableSortedSet(result);
  }

  public boolean isEmpty() {
    return !hasRevocations() && !hasGrants();
  }

  public boolean hasRevocations() {
    return !membershipsToRevoke.isEmpty()
        || !privilegesToRevoke.isEmpty()
        || !defaultPrivilegesToRevoke.isEmpty();
  }

  public boolean hasGrants() {
    return !membershipsToGrant.isEmpty()
        || !privilegesToGrant.isEmpty()
        || !defaultPrivilegesToGrant.isEmpty();
  }

  /** The same plan without its revocations (for corrections that may not take anything away). */
  public GrantPlan grantsOnly() {
    return new GrantPlan(
        new TreeSet<>(),
        membershipsToGrant,
        new TreeSet<>(),
        privilegesToGrant,
        new TreeSet<>(),
        defaultPrivilegesToGrant);
  }

  /** The same plan without its grants. */
  public GrantPlan revocationsOnly() {
    return new GrantPlan(
        membershipsToRevoke,
        new TreeSet<>(),
        privilegesToRevoke,
        new TreeSet<>(),
        defaultPrivilegesToRevoke,
        new TreeSet<>());
  }

  /**
   * The plan as drift: one difference per object and direction. Missing privileges are ordinary
   * differences; extra ones are destructive, because correcting them takes access away.
   */
  public List<DriftReport.Difference> differences() {
    List<DriftReport.Difference> differences = new ArrayList<>();
    membershipsToGrant.forEach(
        role -> differences.add(DriftReport.Difference.of("roles.missing", role, "")));
    membershipsToRevoke.forEach(
        role ->
            differences.add(DriftReport.Difference.of("roles.extra", "", role).asDestructive()));
    group(privilegesToGrant, p -> "grants." + p.target().path(), Privilege::privilege)
        .forEach(
            (field, names) ->
                differences.add(DriftReport.Difference.of(field + ".missing", names, "")));
    group(privilegesToRevoke, p -> "grants." + p.target().path(), Privilege::privilege)
        .forEach(
            (field, names) ->
                differences.add(
                    DriftReport.Difference.of(field + ".extra", "", names).asDestructive()));
    group(defaultPrivilegesToGrant, DefaultPrivilege::path, DefaultPrivilege::privilege)
        .forEach(
            (field, names) ->
                differences.add(DriftReport.Difference.of(field + ".missing", names, "")));
    group(defaultPrivilegesToRevoke, DefaultPrivilege::path, DefaultPrivilege::privilege)
        .forEach(
            (field, names) ->
                differences.add(
                    DriftReport.Difference.of(field + ".extra", "", names).asDestructive()));
    return differences;
  }

  private static <T> Map<String, String> group(
      Collection<T> items, Function<T, String> key, Function<T, String> name) {
    return items.stream()
        .collect(
            Collectors.groupingBy(
                key,
                TreeMap::new,
                Collectors.mapping(
                    name,
                    Collectors.collectingAndThen(
                        Collectors.toCollection(TreeSet::new), set -> String.join(", ", set)))));
  }
}
