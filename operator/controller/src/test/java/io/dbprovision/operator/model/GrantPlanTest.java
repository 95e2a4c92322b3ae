package io.dbprovision.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.model.DriftReport.Difference;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrantPlanTest {
  static final GrantTarget ORDERS =
      GrantTarget.of(GrantTarget.Level.TABLE, "shop", "app", "orders");
  static final GrantTarget LINES = GrantTarget.of(GrantTarget.Level.TABLE, "shop", "app", "lines");

  /** "SELECT@orders", "INSERT@lines+" (with grant option). */
  static Set<Privilege> privileges(String spec) {
    if (spec.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(spec.split(","))
        .map(String::trim)
        .map(
            p -> {
              boolean grantable = p.endsWith("+");
              String[] parts = p.replace("+", "").split("@");
              GrantTarget target = parts[1].equals("orders") ? ORDERS : LINES;
              return new Privilege(target, parts[0], grantable);
            })
        .collect(Collectors.toSet());
  }

  static Set<String> roles(String spec) {
    return spec.isBlank() ? Set.of() : Set.of(spec.split(","));
  }

  static Stream<Arguments> plans() {
    return Stream.of(
        // current roles, current privileges, desired roles, desired privileges,
        // revoke roles, grant roles, revoke privileges, grant privileges
        Arguments.of("", "", "", "", "", "", "", ""),
        Arguments.of("", "", "readers", "SELECT@orders", "", "readers", "", "SELECT@orders"),
        Arguments.of("readers", "SELECT@orders", "readers", "SELECT@orders", "", "", "", ""),
        Arguments.of(
            "readers,writers",
            "SELECT@orders,INSERT@orders",
            "readers",
            "SELECT@orders",
            "writers",
            "",
            "INSERT@orders",
            ""),
        Arguments.of(
            "", "SELECT@orders", "", "SELECT@lines", "", "", "SELECT@orders", "SELECT@lines"),
        Arguments.of(
            "", "SELECT@orders", "", "SELECT@orders+", "", "", "SELECT@orders", "SELECT@orders+"),
        Arguments.of("", "SELECT@orders+", "", "", "", "", "SELECT@orders+", ""));
  }

  @ParameterizedTest
  @MethodSource("plans")
  void revokesWhatIsNoLongerDesiredAndGrantsWhatIsMissing(
      String currentRoles,
      String currentPrivileges,
      String desiredRoles,
      String desiredPrivileges,
      String revokeRoles,
      String grantRoles,
      String revokePrivileges,
      String grantPrivileges) {
    GrantSet current = new GrantSet(roles(currentRoles), privileges(currentPrivileges), Set.of());
    GrantSet desired = new GrantSet(roles(desiredRoles), privileges(desiredPrivileges), Set.of());

    GrantPlan plan = GrantPlan.diff(current, desired);

    assertThat(plan.membershipsToRevoke()).containsExactlyInAnyOrderElementsOf(roles(revokeRoles));
    assertThat(plan.membershipsToGrant()).containsExactlyInAnyOrderElementsOf(roles(grantRoles));
    assertThat(plan.privilegesToRevoke())
        .containsExactlyInAnyOrderElementsOf(privileges(revokePrivileges));
    assertThat(plan.privilegesToGrant())
        .containsExactlyInAnyOrderElementsOf(privileges(grantPrivileges));
  }

  @Test
  void summarisesAHeldSetForTheStatus() {
    GrantSet set =
        new GrantSet(
            roles("readers,writers"),
            privileges("SELECT@orders,INSERT@orders"),
            Set.of(new DefaultPrivilege("shop", "app", "owner", "tables", "SELECT")));

    var applied = set.toStatus();

    assertThat(applied.getRoles()).containsExactly("readers", "writers");
    assertThat(applied.getDirectGrants()).isEqualTo(2);
    assertThat(applied.getDefaultPrivileges()).isEqualTo(1);
  }

  @Test
  void anEmptyPlanMeansTheGranteeAlreadyHoldsExactlyTheDesiredSet() {
    GrantSet set = new GrantSet(roles("readers"), privileges("SELECT@orders"), Set.of());

    assertThat(GrantPlan.diff(set, set).isEmpty()).isTrue();
  }

  @Test
  void diffsDefaultPrivilegesLikeObjectPrivileges() {
    DefaultPrivilege select = new DefaultPrivilege("shop", "app", "owner", "tables", "SELECT");
    DefaultPrivilege insert = new DefaultPrivilege("shop", "app", "owner", "tables", "INSERT");

    GrantPlan plan =
        GrantPlan.diff(
            new GrantSet(Set.of(), Set.of(), Set.of(select)),
            new GrantSet(Set.of(), Set.of(), Set.of(insert)));

    assertThat(plan.defaultPrivilegesToRevoke()).containsExactly(select);
    assertThat(plan.defaultPrivilegesToGrant()).containsExactly(insert);
  }

  @Test
  void reportsMissingPrivilegesAsOrdinaryAndExtraOnesAsDestructiveDrift() {
    GrantPlan plan =
        GrantPlan.diff(
            new GrantSet(roles("admins"), privileges("DELETE@orders,SELECT@orders"), Set.of()),
            new GrantSet(
                roles("readers"),
                privileges("SELECT@orders,INSERT@orders,UPDATE@orders"),
                Set.of()));

    assertThat(plan.differences())
        .containsExactlyInAnyOrder(
            new Difference("roles.missing", "readers", "", false, false),
            new Difference("roles.extra", "", "admins", true, false),
            new Difference(
                "grants.table.shop.app.orders.missing", "INSERT, UPDATE", "", false, false),
            new Difference("grants.table.shop.app.orders.extra", "", "DELETE", true, false));
  }

  @Test
  void splitsIntoGrantsAndRevocationsForCorrectionsThatMayNotTakeAnythingAway() {
    GrantPlan plan =
        GrantPlan.diff(
            new GrantSet(Set.of(), privileges("DELETE@orders"), Set.of()),
            new GrantSet(Set.of(), privileges("SELECT@orders"), Set.of()));

    assertThat(plan.grantsOnly().hasRevocations()).isFalse();
    assertThat(plan.grantsOnly().privilegesToGrant()).isEqualTo(plan.privilegesToGrant());
    assertThat(plan.revocationsOnly().hasGrants()).isFalse();
    assertThat(plan.revocationsOnly().privilegesToRevoke()).isEqualTo(plan.privilegesToRevoke());
  }

  @Test
  void scopeKeepsOtherDatabasesAndForeignMembershipsOutOfReach() {
    GrantSet desired = new GrantSet(roles("readers"), privileges("SELECT@orders"), Set.of());
    GrantScope scope = GrantScope.of(desired).excludingMemberships(Set.of("from_user_spec"));

    assertThat(scope.covers(ORDERS)).isTrue();
    assertThat(scope.covers(GrantTarget.database("other"))).isFalse();
    assertThat(scope.withDatabase("other").covers(GrantTarget.database("other"))).isTrue();
    assertThat(scope.coversMembership("readers")).isTrue();
    assertThat(scope.coversMembership("from_user_spec")).isFalse();
  }

  @Test
  void aScopeWithoutMembershipsCoversPrivilegesOnly() {
    GrantSet desired = new GrantSet(Set.of(), privileges("SELECT@orders"), Set.of());
    GrantScope scope = GrantScope.of(desired).withoutMemberships().withDatabase("other");

    assertThat(scope.covers(ORDERS)).isTrue();
    assertThat(scope.covers(GrantTarget.database("other"))).isTrue();
    assertThat(scope.coversMembership("readers")).isFalse();
  }

  @Test
  void driftReportsOfTwoStepsAddUp() {
    Difference attribute = Difference.of("createdb", false, true);
    Difference grant = Difference.of("grants.x.missing", "SELECT", "");

    DriftReport both =
        new DriftReport(List.of(attribute), List.of(attribute))
            .and(new DriftReport(List.of(grant), List.of()));

    assertThat(both.differences()).containsExactly(attribute, grant);
    assertThat(both.remaining()).containsExactly(grant);
  }
}
