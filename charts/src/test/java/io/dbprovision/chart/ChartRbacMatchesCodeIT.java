package io.dbprovision.chart;

import static io.dbprovision.chart.ChartRbacTest.EXPORTER_ROLE;
import static io.dbprovision.chart.ChartRbacTest.OPERATOR_LEADER_ROLE;
import static io.dbprovision.chart.ChartRbacTest.OPERATOR_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.demo.Component;
import io.dbprovision.demo.Demo;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.TestServer;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC (default values) against what the code calls: the operator and the exporter run
 * the demo's scenario against the mock API server, each with its own client that records every
 * request. Every request must be allowed by that component's rendered (Cluster)Roles, and every
 * rule must be used by some request, unless {@link #NOT_EXERCISED} says why the scenario cannot
 * reach the code path that needs it.
 */
class ChartRbacMatchesCodeIT {
  private static final String GROUP = "dbops.dbprovision.io/";

  /** The eight kinds' plural names, as the chart's {@code dbp.kinds} lists them. */
  private static final List<String> ALL_KINDS =
      List.of(
          "databaseinstances",
          "databases",
          "databaseusers",
          "databaseroles",
          "databasegrants",
          "databasebackups",
          "databaserestores",
          "databasebackupschedules");

  /**
   * Kinds the demo scenario does not apply: their controllers list and watch them, but never
   * re-read, patch or write the status of one.
   */
  private static final List<String> NOT_IN_SCENARIO =
      List.of("databaseroles", "databasebackups", "databaserestores");

  /**
   * Per component, the rules the scenario does not exercise, each with the reason it is in the
   * chart all the same. An entry here that the scenario does use is reported (stdout), not failed,
   * so that reconcilers landing later do not break this test; remove such entries then.
   */
  static final Map<Component, Map<String, String>> NOT_EXERCISED =
      Map.of(
          Component.OPERATOR, operatorNotExercised(), Component.EXPORTER, exporterNotExercised());

  private static Map<String, String> operatorNotExercised() {
    Map<String, String> why = new TreeMap<>();
    for (String kind : NOT_IN_SCENARIO) {
      for (String permission : List.of(" get", " patch", "/status patch")) {
        why.put(
            GROUP + kind + permission,
            "the scenario applies no " + kind + " (the reconciler's *EventsIT covers it)");
      }
    }
    why.put(
        GROUP + "databasebackups create",
        "a DatabaseBackupSchedule creates its backups at their due time (02:30 in the demo)");
    why.put(
        GROUP + "databasebackups delete",
        "a DatabaseBackupSchedule deletes backups by its retention, once it has more than it keeps");
    for (String kind : List.of("databasegrants", "databasebackupschedules")) {
      why.put(
          GROUP + kind + " get",
          "JOSDK re-reads an object after a conflicting patch (409), which the scenario does not"
              + " provoke for this kind");
    }
    for (String kind : List.of("databaseinstances", "databases")) {
      why.put(
          GROUP + kind + " get",
          "children read their instance, and grants their database, from informer caches; a copy"
              + " that is missing or not yet Ready is read from the API server, and a backup reads"
              + " its Database, neither of which the scenario's timing provokes reliably");
    }
    why.put(
        GROUP + "databasebackupschedules/status patch",
        "a schedule's error path patches Ready=False (updateErrorStatus); the demo's schedule is"
            + " valid");
    why.put(
        GROUP + "databasebackupschedules/finalizers update",
        "never requested: the API server's OwnerReferencesPermissionEnforcement admission checks it"
            + " when a schedule's backup is created with ownerReferences.blockOwnerDeletion");
    for (String verb : List.of("update", "patch", "delete")) {
      why.put(
          "core/secrets " + verb,
          "the DatabaseUser reconciler rewrites a credentials Secret on rotation or when its"
              + " password was emptied, and removes it with a Retain policy; the scenario does"
              + " neither");
    }
    why.put(
        "core/events patch",
        "the recorder patches the count of a repeated Event; the scenario ends before one repeats");
    return Map.copyOf(why);
  }

  private static Map<String, String> exporterNotExercised() {
    Map<String, String> why = new TreeMap<>();
    for (String kind : ALL_KINDS) {
      why.put(
          GROUP + kind + " get",
          "an Event whose object the exporter's informers have not seen yet is looked up with a"
              + " GET; in the scenario the informers are always first");
    }
    why.put(
        "core/configmaps patch db-provision-operator-exporter-checkpoint",
        "the exporter's second and later checkpoint writes, 5 s apart (the first creates the"
            + " ConfigMap): whether the scenario lasts long enough for one is a matter of timing");
    return Map.copyOf(why);
  }

  private static final Set<String> OPERATOR_CLUSTER_ROLES = Set.of(OPERATOR_ROLE);
  private static final Set<String> OPERATOR_ROLES = Set.of(OPERATOR_LEADER_ROLE);
  private static final Set<String> EXPORTER_CLUSTER_ROLES = Set.of(EXPORTER_ROLE);
  private static final Set<String> EXPORTER_ROLES = Set.of(EXPORTER_ROLE);

  private static RecordedCalls calls;

  @BeforeAll
  static void runTheScenario() throws Exception {
    DatabaseServer postgres = RealDatabases.server(TestServer.POSTGRES);
    calls = new RecordedCalls();
    try (Demo demo =
        Demo.start(
            Map.of(
                "DBPROVISION_DEMO_POSTGRES", postgres.host() + ":" + postgres.port(),
                "DBPROVISION_DEMO_POSTGRES_USER", postgres.adminUser(),
                "DBPROVISION_DEMO_POSTGRES_PASSWORD", postgres.adminPassword()),
            System.out,
            calls)) {
      demo.runScenario();
    }
  }

  @Test
  void operatorCallsOnlyWhatItsRolesAllowAndUsesAllOfThem() {
    check(Component.OPERATOR, OPERATOR_CLUSTER_ROLES, OPERATOR_ROLES);
  }

  @Test
  void exporterCallsOnlyWhatItsRolesAllowAndUsesAllOfThem() {
    check(Component.EXPORTER, EXPORTER_CLUSTER_ROLES, EXPORTER_ROLES);
  }

  private static void check(Component component, Set<String> clusterRoles, Set<String> roles) {
    RenderedChart chart = Chart.ours().render();
    List<Grant> grants = new ArrayList<>();
    chart.all(ClusterRole.class).stream()
        .filter(r -> clusterRoles.contains(r.getMetadata().getName()))
        .forEach(
            r -> Permission.expand(r.getRules()).forEach(p -> grants.add(Grant.everywhere(p))));
    chart.all(Role.class).stream()
        .filter(r -> roles.contains(r.getMetadata().getName()))
        .forEach(
            r ->
                Permission.expand(r.getRules())
                    .forEach(p -> grants.add(Grant.in(r.getMetadata().getNamespace(), p))));
    List<ApiCall> made = calls.of(component);
    assertThat(made).as("%s made no API calls: was its client recorded?", component).isNotEmpty();

    List<String> refused =
        made.stream()
            .filter(call -> grants.stream().noneMatch(g -> g.allows(call)))
            .map(ApiCall::toString)
            .distinct()
            .toList();
    assertThat(refused)
        .as("%s calls the chart's RBAC would refuse (Forbidden in a cluster)", component)
        .isEmpty();

    Map<String, String> notExercised = NOT_EXERCISED.get(component);
    Set<String> unused = new TreeSet<>();
    Set<String> allowlistedButUsed = new TreeSet<>();
    for (Grant grant : grants) {
      boolean used = made.stream().anyMatch(grant::allows);
      String key = grant.permission().toString();
      if (!used && !notExercised.containsKey(key)) {
        unused.add(key);
      } else if (used && notExercised.containsKey(key)) {
        allowlistedButUsed.add(key);
      }
    }
    allowlistedButUsed.forEach(
        p ->
            System.out.println(
                component
                    + " used "
                    + p
                    + " in this run although NOT_EXERCISED lists it: remove it there once every"
                    + " run uses it"));
    assertThat(unused)
        .as(
            "%s rules no call of the scenario uses (remove them from the chart, or list them in"
                + " NOT_EXERCISED with the reason); calls made: %s",
            component, made.stream().map(ApiCall::toString).distinct().toList())
        .isEmpty();
  }

  /** A permission from a ClusterRole (everywhere) or from a Role (in its namespace only). */
  record Grant(Permission permission, Optional<String> namespace) {
    static Grant everywhere(Permission permission) {
      return new Grant(permission, Optional.empty());
    }

    static Grant in(String namespace, Permission permission) {
      return new Grant(permission, Optional.of(namespace));
    }

    boolean allows(ApiCall call) {
      if (call.needs().isEmpty()) {
        return false;
      }
      Permission needed = call.needs().get();
      return permission.apiGroup().equals(needed.apiGroup())
          && permission.resource().equals(needed.resource())
          && permission.verb().equals(needed.verb())
          && (permission.resourceName().isEmpty()
              || permission.resourceName().equals(needed.resourceName()))
          && (namespace.isEmpty() || namespace.equals(call.namespace()));
    }
  }
}
