package io.dbprovision.chart;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Named value sets: every exporter mode, and every optional feature switched on. */
record Scenario(String name, Map<String, Object> values) {

  static Stream<Scenario> all() {
    return Stream.of(
        new Scenario("defaults", Chart.values()),
        new Scenario("sidecar", Chart.values("exporter.mode", "sidecar")),
        new Scenario("deployment", Chart.values("exporter.mode", "deployment")),
        new Scenario("disabled", Chart.values("exporter.mode", "disabled")),
        new Scenario(
            "sidecar, everything on",
            Chart.values(
                "replicaCount", 3,
                "operator.watchNamespaces", List.of("team-a"),
                "metrics.serviceMonitor.enabled", true,
                "networkPolicy.enabled", true,
                "podDisruptionBudget.enabled", true,
                "grafana.dashboards.enabled", true)),
        new Scenario(
            "deployment, everything on",
            Chart.values(
                "replicaCount",
                2,
                "exporter.mode",
                "deployment",
                "exporter.replicaCount",
                2,
                "metrics.serviceMonitor.enabled",
                true,
                "networkPolicy.enabled",
                true,
                "podDisruptionBudget.enabled",
                true,
                "podDisruptionBudget.minAvailable",
                1)));
  }

  @Override
  public String toString() {
    return name;
  }
}
