package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.FULLNAME;
import static io.dbprovision.chart.Chart.NAMESPACE;
import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServiceMonitor, PrometheusRule, Grafana dashboards, NetworkPolicy and PodDisruptionBudget. Rules
 * and dashboards render from a copy of the chart with sample files, so these tests hold whatever
 * the repository's rules/ and dashboards/ contain today.
 */
class ChartMonitoringTest {
  @TempDir Path scratch;
  Chart withSamples;

  @BeforeEach
  void copyTheChartWithSampleRulesAndDashboards() throws IOException {
    Path copy = scratch.resolve("db-provision-operator");
    Path source = Repository.chart();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = copy.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    deleteChildren(copy.resolve("files/rules"));
    deleteChildren(copy.resolve("files/dashboards"));
    sample("manifest-rules.yaml", copy.resolve("files/rules"));
    sample("plain-rules.yaml", copy.resolve("files/rules"));
    sample("promtool-test.yaml", copy.resolve("files/rules"));
    sample("sample_dashboard.json", copy.resolve("files/dashboards"));
    withSamples = new Chart(copy);
  }

  @Test
  void prometheusRuleCarriesTheGroupsOfEveryRuleFile() {
    RenderedChart chart =
        withSamples.render(
            values(
                "prometheusRule.enabled", true, "prometheusRule.labels", Map.of("release", "kps")));

    GenericKubernetesResource rule = only(chart, "PrometheusRule");
    assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kps");
    List<Map<String, Object>> groups = rule.get("spec", "groups");
    assertThat(groups)
        .extracting(g -> g.get("name"))
        .containsExactly("sample.connections", "sample.exporter");
    assertThat(rule.<String>get("spec", "groups", 0, "rules", 0, "annotations", "description"))
        .as("alert templates pass through Helm untouched")
        .isEqualTo(
            "{{ $labels.involved_object_kind }}/{{ $labels.involved_object_name }} failed to connect");
  }

  @Test
  void prometheusRuleWithoutAnyRulesFailsInsteadOfRenderingNothing() throws IOException {
    deleteChildren(withSamples.directory().resolve("files/rules"));

    assertThatThrownBy(() -> withSamples.template(values("prometheusRule.enabled", true)))
        .hasMessageContaining("the chart carries no rule groups under files/rules");
  }

  @Test
  void readsGroupNamesFromManifestsAndPlainRuleFilesAlike() throws IOException {
    Path rules = withSamples.directory().resolve("files/rules");

    assertThat(groupNames(Files.readString(rules.resolve("manifest-rules.yaml"))))
        .containsExactly("sample.connections");
    assertThat(groupNames(Files.readString(rules.resolve("plain-rules.yaml"))))
        .containsExactly("sample.exporter");
    assertThat(groupNames(Files.readString(rules.resolve("promtool-test.yaml")))).isEmpty();
  }

  @Test
  void shippedChartRendersEveryGroupOfItsRuleFilesOrSaysItHasNone() throws IOException {
    List<String> shipped = new ArrayList<>();
    for (String text :
        ChartMonitoringCopiesTest.contents(Repository.chart().resolve("files/rules"), "yaml")
            .values()) {
      shipped.addAll(groupNames(text));
    }
    Map<String, Object> enabled = values("prometheusRule.enabled", true);

    if (shipped.isEmpty()) {
      assertThatThrownBy(() -> Chart.ours().template(enabled))
          .hasMessageContaining("no rule groups");
    } else {
      List<Map<String, Object>> groups =
          only(Chart.ours().render(enabled), "PrometheusRule").get("spec", "groups");
      assertThat(groups).extracting(g -> g.get("name")).containsExactlyElementsOf(shipped);
    }
  }

  @Test
  void shippedChartRendersOneConfigMapPerDashboard() throws IOException {
    Map<String, String> shipped =
        ChartMonitoringCopiesTest.contents(Repository.chart().resolve("files/dashboards"), "json");

    List<ConfigMap> dashboards =
        Chart.ours()
            .render(values("grafana.dashboards.enabled", true))
            .all(ConfigMap.class)
            .stream()
            .filter(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard"))
            .toList();
    assertThat(dashboards)
        .flatExtracting(c -> c.getData().keySet())
        .containsExactlyInAnyOrderElementsOf(shipped.keySet());
  }

  @Test
  void dashboardsBecomeConfigMapsForTheGrafanaSidecar() throws IOException {
    RenderedChart chart = withSamples.render(values("grafana.dashboards.enabled", true));

    ConfigMap dashboard = chart.one(ConfigMap.class, FULLNAME + "-dashboard-sample-dashboard");
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(dashboard.getMetadata().getAnnotations())
        .containsOnly(Map.entry("k8s-sidecar-target-directory", "DB Provision"));
    try (InputStream in = getClass().getResourceAsStream("/monitoring/sample_dashboard.json")) {
      assertThat(dashboard.getData())
          .containsOnlyKeys("sample_dashboard.json")
          .containsEntry("sample_dashboard.json", new String(in.readAllBytes()).stripTrailing());
    }
  }

  @Test
  void dashboardLabelFolderAndNamespaceAreConfigurable() {
    RenderedChart chart =
        withSamples.render(
            values(
                "grafana.dashboards.enabled", true,
                "grafana.dashboards.label", "dashboards",
                "grafana.dashboards.labelValue", "db-provision",
                "grafana.dashboards.folderAnnotation", "grafana_folder",
                "grafana.dashboards.folder", "Databases",
                "grafana.dashboards.namespace", "monitoring"));

    ConfigMap dashboard = chart.one(ConfigMap.class, FULLNAME + "-dashboard-sample-dashboard");
    assertThat(dashboard.getMetadata().getNamespace()).isEqualTo("monitoring");
    assertThat(dashboard.getMetadata().getLabels())
        .containsEntry("dashboards", "db-provision")
        .doesNotContainKey("grafana_dashboard");
    assertThat(dashboard.getMetadata().getAnnotations())
        .containsOnly(Map.entry("grafana_folder", "Databases"));
  }

  @Test
  void monitoringObjectsAreOffByDefault() {
    RenderedChart chart = withSamples.render();

    assertThat(chart.resources())
        .extracting(HasMetadata::getKind)
        .doesNotContain("ServiceMonitor", "PrometheusRule", "NetworkPolicy", "PodDisruptionBudget")
        .containsOnlyOnce("ConfigMap");
  }

  @Test
  void serviceMonitorScrapesBothPortsWithTheGivenSettings() {
    RenderedChart chart =
        Chart.ours()
            .render(
                values(
                    "metrics.serviceMonitor.enabled",
                    true,
                    "metrics.serviceMonitor.interval",
                    "15s",
                    "metrics.serviceMonitor.labels",
                    Map.of("release", "kps"),
                    "metrics.serviceMonitor.namespace",
                    "monitoring"));

    GenericKubernetesResource monitor = only(chart, "ServiceMonitor");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo("monitoring");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kps");
    assertThat(monitor.<List<String>>get("spec", "namespaceSelector", "matchNames"))
        .containsExactly(NAMESPACE);
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints).extracting(e -> e.get("port")).containsExactly("metrics", "exporter");
    assertThat(endpoints)
        .allSatisfy(
            e ->
                assertThat(e)
                    .containsEntry("path", "/metrics")
                    .containsEntry("interval", "15s")
                    .containsEntry("honorLabels", true));
    // The alerting rules' OperatorDown/ExporterDown tell the processes apart by job.
    assertThat(endpoints)
        .extracting(e -> (Object) ((List<?>) e.get("relabelings")).get(0))
        .containsExactly(
            Map.of(
                "action", "replace", "targetLabel", "job", "replacement", "db-provision-operator"),
            Map.of(
                "action", "replace", "targetLabel", "job", "replacement", "db-provision-exporter"));
  }

  @Test
  void networkPolicyAdmitsOnlyMetricsAndHealthPorts() {
    RenderedChart chart =
        Chart.ours()
            .render(
                values(
                    "networkPolicy.enabled",
                    true,
                    "networkPolicy.metricsFrom",
                    List.of(
                        Map.of(
                            "namespaceSelector",
                            Map.of("matchLabels", Map.of("name", "monitoring"))))));

    NetworkPolicy policy = chart.one(NetworkPolicy.class, FULLNAME);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(2);
    var metrics = policy.getSpec().getIngress().get(0);
    assertThat(metrics.getPorts())
        .extracting(ChartMonitoringTest::port)
        .containsExactly("metrics", "exporter");
    assertThat(metrics.getFrom())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("name", "monitoring"));
    assertThat(policy.getSpec().getIngress().get(1).getPorts())
        .extracting(ChartMonitoringTest::port)
        .containsExactly("health");
  }

  @Test
  void deploymentModeGetsAPolicyAndABudgetForEachComponent() {
    RenderedChart chart =
        Chart.ours()
            .render(
                values(
                    "exporter.mode", "deployment",
                    "networkPolicy.enabled", true,
                    "podDisruptionBudget.enabled", true));

    assertThat(chart.all(NetworkPolicy.class))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder(FULLNAME, FULLNAME + "-exporter");
    assertThat(chart.one(NetworkPolicy.class, FULLNAME + "-exporter").getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.getPorts())
                    .extracting(ChartMonitoringTest::port)
                    .containsExactly("exporter"));
    assertThat(chart.all(PodDisruptionBudget.class))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder(FULLNAME, FULLNAME + "-exporter");
  }

  @Test
  void budgetTakesMinAvailableOverMaxUnavailable() {
    PodDisruptionBudget byDefault =
        Chart.ours()
            .render(values("podDisruptionBudget.enabled", true))
            .one(PodDisruptionBudget.class, FULLNAME);
    PodDisruptionBudget withMin =
        Chart.ours()
            .render(
                values(
                    "podDisruptionBudget.enabled", true, "podDisruptionBudget.minAvailable", "50%"))
            .one(PodDisruptionBudget.class, FULLNAME);

    assertThat(byDefault.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(byDefault.getSpec().getMinAvailable()).isNull();
    assertThat(withMin.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
    assertThat(withMin.getSpec().getMaxUnavailable()).isNull();
  }

  /** The group names of a rule file, as the template reads it: groups, else spec.groups. */
  private static List<String> groupNames(String ruleFile) {
    GenericKubernetesResource file =
        new KubernetesSerialization().unmarshal(ruleFile, GenericKubernetesResource.class);
    List<Map<String, Object>> groups = file.get("groups");
    if (groups == null) {
      groups = file.get("spec", "groups");
    }
    return groups == null ? List.of() : groups.stream().map(g -> (String) g.get("name")).toList();
  }

  private static String port(NetworkPolicyPort port) {
    return port.getPort().getStrVal();
  }

  private static GenericKubernetesResource only(RenderedChart chart, String kind) {
    List<HasMetadata> found = chart.ofKind(kind);
    assertThat(found).as(kind).hasSize(1);
    return (GenericKubernetesResource) found.get(0);
  }

  private void sample(String name, Path directory) throws IOException {
    Files.createDirectories(directory);
    try (InputStream in = getClass().getResourceAsStream("/monitoring/" + name)) {
      Files.copy(in, directory.resolve(name));
    }
  }

  private static void deleteChildren(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
