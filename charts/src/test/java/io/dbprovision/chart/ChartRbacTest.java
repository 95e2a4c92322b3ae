package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.FULLNAME;
import static io.dbprovision.chart.Chart.NAMESPACE;
import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rendered RBAC equals the permission sets in {@code src/test/resources/rbac/}, which list what
 * each component's code calls; a later test compares those fixtures with the code's API calls.
 */
class ChartRbacTest {
  static final String OPERATOR_ROLE = FULLNAME + "-operator";
  static final String OPERATOR_LEADER_ROLE = FULLNAME + "-operator-leader-election";
  static final String EXPORTER_ROLE = FULLNAME + "-exporter";

  static final Set<Permission> OPERATOR = Permission.fixture("/rbac/operator-cluster.txt");
  static final Set<Permission> OPERATOR_LEADER =
      Permission.fixture("/rbac/operator-leader-election.txt");
  static final Set<Permission> EXPORTER = Permission.fixture("/rbac/exporter-cluster.txt");
  static final Set<Permission> EXPORTER_NAMESPACE =
      Permission.fixture("/rbac/exporter-namespace.txt");
  static final Set<Permission> EXPORTER_LEADER =
      Permission.fixture("/rbac/exporter-leader-election.txt");

  @Test
  void operatorClusterRoleHoldsExactlyWhatTheOperatorCalls() {
    RenderedChart chart = Chart.ours().render();

    assertThat(Permission.expand(chart.one(ClusterRole.class, OPERATOR_ROLE).getRules()))
        .containsExactlyElementsOf(OPERATOR);
  }

  @Test
  void noClusterRoleGrantsWildcardsNamespacesOrConfigMaps() {
    Set<Permission> all = new TreeSet<>();
    Chart.ours()
        .render(values("exporter.mode", "deployment", "replicaCount", 2))
        .all(ClusterRole.class)
        .forEach(r -> all.addAll(Permission.expand(r.getRules())));

    assertThat(all)
        .isNotEmpty()
        .noneMatch(
            p -> p.apiGroup().equals("*") || p.resource().equals("*") || p.verb().equals("*"))
        .noneMatch(p -> p.resource().equals("namespaces") || p.resource().equals("configmaps"));
  }

  @Test
  void exporterCannotReadSecrets() {
    assertThat(EXPORTER).isNotEmpty().noneMatch(p -> p.resource().equals("secrets"));
    assertThat(EXPORTER_NAMESPACE).noneMatch(p -> p.resource().equals("secrets"));
  }

  @Test
  void sidecarModeBindsBothRoleSetsToThePodsOneServiceAccount() {
    RenderedChart chart = Chart.ours().render(values("exporter.mode", "sidecar"));

    assertThat(subjects(chart.one(ClusterRoleBinding.class, OPERATOR_ROLE).getSubjects()))
        .containsExactly(NAMESPACE + "/" + FULLNAME);
    assertThat(subjects(chart.one(ClusterRoleBinding.class, EXPORTER_ROLE).getSubjects()))
        .containsExactly(NAMESPACE + "/" + FULLNAME);
    assertThat(Permission.expand(chart.one(ClusterRole.class, EXPORTER_ROLE).getRules()))
        .containsExactlyElementsOf(EXPORTER);
    assertThat(Permission.expand(chart.one(Role.class, EXPORTER_ROLE).getRules()))
        .containsExactlyElementsOf(EXPORTER_NAMESPACE);
    assertThat(subjects(chart.one(RoleBinding.class, EXPORTER_ROLE).getSubjects()))
        .containsExactly(NAMESPACE + "/" + FULLNAME);
  }

  @Test
  void deploymentModeGivesTheExporterItsOwnServiceAccountAndOnlyItsRules() {
    RenderedChart chart = Chart.ours().render(values("exporter.mode", "deployment"));
    String exporterAccount = NAMESPACE + "/" + FULLNAME + "-exporter";

    assertThat(chart.ofKind("ServiceAccount"))
        .extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder(FULLNAME, FULLNAME + "-exporter");
    assertThat(subjects(chart.one(ClusterRoleBinding.class, EXPORTER_ROLE).getSubjects()))
        .containsExactly(exporterAccount);
    assertThat(subjects(chart.one(RoleBinding.class, EXPORTER_ROLE).getSubjects()))
        .containsExactly(exporterAccount);
    assertThat(subjects(chart.one(ClusterRoleBinding.class, OPERATOR_ROLE).getSubjects()))
        .containsExactly(NAMESPACE + "/" + FULLNAME);
    assertThat(Permission.expand(chart.one(ClusterRole.class, EXPORTER_ROLE).getRules()))
        .containsExactlyElementsOf(EXPORTER);
  }

  @Test
  void disabledExporterLeavesOnlyTheOperatorsRules() {
    RenderedChart chart = Chart.ours().render(values("exporter.mode", "disabled"));

    assertThat(names(chart.all(ClusterRole.class))).containsExactly(OPERATOR_ROLE);
    assertThat(names(chart.all(ClusterRoleBinding.class))).containsExactly(OPERATOR_ROLE);
    assertThat(chart.all(Role.class)).isEmpty();
    assertThat(chart.all(RoleBinding.class)).isEmpty();
  }

  @Test
  void leaderElectionAddsLeaseRolesLimitedToTheirLeases() {
    RenderedChart chart = Chart.ours().render(values("replicaCount", 2));

    assertThat(Permission.expand(chart.one(Role.class, OPERATOR_LEADER_ROLE).getRules()))
        .containsExactlyElementsOf(OPERATOR_LEADER);
    assertThat(chart.one(Role.class, OPERATOR_LEADER_ROLE).getMetadata().getNamespace())
        .isEqualTo(NAMESPACE);
    assertThat(subjects(chart.one(RoleBinding.class, OPERATOR_LEADER_ROLE).getSubjects()))
        .containsExactly(NAMESPACE + "/" + FULLNAME);

    Set<Permission> exporterNamespace = new TreeSet<>(EXPORTER_NAMESPACE);
    exporterNamespace.addAll(EXPORTER_LEADER);
    assertThat(Permission.expand(chart.one(Role.class, EXPORTER_ROLE).getRules()))
        .containsExactlyElementsOf(exporterNamespace);
  }

  @Test
  void singleReplicaNeedsNoLeasePermissions() {
    RenderedChart chart = Chart.ours().render();

    assertThat(chart.find(Role.class, OPERATOR_LEADER_ROLE)).isEmpty();
    assertThat(Permission.expand(chart.one(Role.class, EXPORTER_ROLE).getRules()))
        .noneMatch(p -> p.resource().equals("leases"));
  }

  @Test
  void watchedNamespacesGetRoleBindingsInsteadOfAClusterWideBinding() {
    RenderedChart chart =
        Chart.ours().render(values("operator.watchNamespaces", List.of("team-a", "team-b")));

    assertThat(chart.find(ClusterRoleBinding.class, OPERATOR_ROLE)).isEmpty();
    List<RoleBinding> bindings =
        chart.all(RoleBinding.class).stream()
            .filter(b -> b.getMetadata().getName().equals(OPERATOR_ROLE))
            .toList();
    assertThat(bindings)
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(bindings)
        .allSatisfy(
            b -> {
              assertThat(b.getRoleRef().getKind()).isEqualTo("ClusterRole");
              assertThat(b.getRoleRef().getName()).isEqualTo(OPERATOR_ROLE);
              assertThat(subjects(b.getSubjects())).containsExactly(NAMESPACE + "/" + FULLNAME);
            });
  }

  @Test
  void rbacCanBeLeftToTheCluster() {
    RenderedChart chart = Chart.ours().render(values("rbac.create", false));

    assertThat(chart.resources())
        .noneMatch(r -> r.getApiVersion().startsWith("rbac.authorization.k8s.io/"));
  }

  @Test
  void bindingsReferToRolesTheChartRenders() {
    for (var mode : List.of("sidecar", "deployment", "disabled")) {
      RenderedChart chart = Chart.ours().render(values("exporter.mode", mode, "replicaCount", 2));
      Set<String> clusterRoles = names(chart.all(ClusterRole.class));
      Set<String> roles = names(chart.all(Role.class));
      chart
          .all(ClusterRoleBinding.class)
          .forEach(b -> assertThat(clusterRoles).as(mode).contains(b.getRoleRef().getName()));
      chart
          .all(RoleBinding.class)
          .forEach(
              b ->
                  assertThat(b.getRoleRef().getKind().equals("Role") ? roles : clusterRoles)
                      .as(mode)
                      .contains(b.getRoleRef().getName()));
    }
  }

  private static Set<String> names(List<? extends HasMetadata> resources) {
    Set<String> names = new TreeSet<>();
    resources.forEach(r -> names.add(r.getMetadata().getName()));
    return names;
  }

  private static List<String> subjects(List<Subject> subjects) {
    assertThat(subjects).allSatisfy(s -> assertThat(s.getKind()).isEqualTo("ServiceAccount"));
    return subjects.stream().map(s -> s.getNamespace() + "/" + s.getName()).toList();
  }
}
