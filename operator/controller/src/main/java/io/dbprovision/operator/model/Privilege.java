package io.dbprovision.operator.model;

import java.util.Comparator;

/**
 * One privilege on one object. {@code grantable} is the grant option: a privilege held with and
 * without it are different privileges for comparison, so that adding or removing the option is a
 * change.
 */
public record Privilege(GrantTarget target, String privilege, boolean grantable)
    implements Comparable<Privilege> {
  private static final Comparator<Privilege> ORDER =
      Comparator.comparing(Privilege::target)
          .thenComparing(Privilege::privilege)
          .thenComparing(Privilege::grantable);

  public static Privilege on(GrantTarget target, String privilege) {
    return new Privilege(target, privilege, false);
  }

  @Override
  public int compareTo(Privilege other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return privilege + " on " + target + (grantable ? " with grant option" : "");
  }
}
