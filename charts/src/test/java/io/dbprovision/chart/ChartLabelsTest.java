package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Labels and selectors agree: every selector picks exactly the Pods it is meant for. */
class ChartLabelsTest {

  static List<Scenario> scenarios() {
    return Scenario.all().toList();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyResourceCarriesTheReleaseLabels(Scenario scenario) {
    RenderedChart chart = Chart.ours().render(scenario.values());

    assertThat(chart.resources())
        .allSatisfy(
            r ->
                assertThat(r.getMetadata().getLabels())
                    .as(RenderedChart.describe(r))
                    .containsEntry("app.kubernetes.io/name", "db-provision-operator")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "db-provision")
                    .containsEntry("app.kubernetes.io/version", "0.1.0")
                    .containsKey("helm.sh/chart"));
    assertThat(chart.resources())
        .filteredOn(r -> !r.getKind().startsWith("Cluster"))
        .allSatisfy(
            r ->
                assertThat(r.getMetadata().getNamespace())
                    .as(RenderedChart.describe(r))
                    .isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void deploymentSelectorsMatchTheirOwnPodsOnly(Scenario scenario) {
    List<Deployment> deployments = Chart.ours().render(scenario.values()).all(Deployment.class);

    for (Deployment deployment : deployments) {
      Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .as("%s pod labels", deployment.getMetadata().getName())
          .containsAllEntriesOf(selector);
      for (Deployment other : deployments) {
        if (other != deployment) {
          assertThat(matches(selector, podLabels(other)))
              .as(
                  "%s selects the pods of %s",
                  deployment.getMetadata().getName(), other.getMetadata().getName())
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void servicesPoliciesAndBudgetsSelectExistingPods(Scenario scenario) {
    RenderedChart chart = Chart.ours().render(scenario.values());
    List<Map<String, String>> pods =
        chart.all(Deployment.class).stream().map(ChartLabelsTest::podLabels).toList();

    for (Service service : chart.all(Service.class)) {
      assertSelectsOnePodTemplate(pods, service.getSpec().getSelector(), service);
    }
    for (NetworkPolicy policy : chart.all(NetworkPolicy.class)) {
      assertSelectsOnePodTemplate(pods, policy.getSpec().getPodSelector().getMatchLabels(), policy);
    }
    for (PodDisruptionBudget budget : chart.all(PodDisruptionBudget.class)) {
      assertSelectsOnePodTemplate(pods, budget.getSpec().getSelector().getMatchLabels(), budget);
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theServiceMonitorFindsEveryMetricsService(Scenario scenario) {
    RenderedChart chart = Chart.ours().render(scenario.values());
    List<HasMetadata> monitors = chart.ofKind("ServiceMonitor");
    if (monitors.isEmpty()) {
      return;
    }
    GenericKubernetesResource monitor = (GenericKubernetesResource) monitors.get(0);
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    List<String> endpointPorts =
        monitor.<List<Map<String, Object>>>get("spec", "endpoints").stream()
            .map(e -> (String) e.get("port"))
            .toList();

    List<Service> selected =
        chart.all(Service.class).stream()
            .filter(s -> matches(selector, s.getMetadata().getLabels()))
            .toList();
    assertThat(selected).isEqualTo(chart.all(Service.class));
    List<String> servicePorts =
        selected.stream()
            .flatMap(s -> s.getSpec().getPorts().stream())
            .map(p -> p.getName())
            .distinct()
            .toList();
    assertThat(endpointPorts).containsExactlyInAnyOrderElementsOf(servicePorts);
  }

  private static void assertSelectsOnePodTemplate(
      List<Map<String, String>> pods, Map<String, String> selector, HasMetadata owner) {
    assertThat(selector).as("%s selector", RenderedChart.describe(owner)).isNotEmpty();
    assertThat(pods.stream().filter(p -> matches(selector, p)).count())
        .as("%s selects exactly one pod template", RenderedChart.describe(owner))
        .isEqualTo(1);
  }

  private static Map<String, String> podLabels(Deployment deployment) {
    return deployment.getSpec().getTemplate().getMetadata().getLabels();
  }

  private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }
}
