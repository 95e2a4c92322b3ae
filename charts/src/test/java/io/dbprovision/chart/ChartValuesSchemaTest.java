package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json rejects bad values before anything renders, naming where the problem is. */
class ChartValuesSchemaTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("unknown exporter mode", values("exporter.mode", "bogus"), "/exporter/mode"),
        Arguments.of("misspelt top-level key", values("replicas", 2), "replicas"),
        Arguments.of("unknown key in exporter", values("exporter.sidecar", true), "sidecar"),
        Arguments.of(
            "operator log format", values("operator.logFormat", "xml"), "/operator/logFormat"),
        Arguments.of(
            "port out of range", values("operator.metricsPort", 70000), "/operator/metricsPort"),
        Arguments.of("negative replicas", values("replicaCount", -1), "/replicaCount"),
        Arguments.of(
            "drift interval",
            values("operator.defaultDriftInterval", "eight hours"),
            "/operator/defaultDriftInterval"),
        Arguments.of(
            "watch namespace name",
            values("operator.watchNamespaces", List.of("Team_A")),
            "/operator/watchNamespaces/0"),
        Arguments.of(
            "chart-owned exporter key",
            values("exporter.config.leaderElection", Map.of("enabled", true)),
            "/exporter/config/leaderElection"),
        Arguments.of(
            "exporter log level",
            values("exporter.config.logLevel", "loud"),
            "/exporter/config/logLevel"),
        Arguments.of(
            "exporter config without receivers",
            values("exporter.config.receivers", "none"),
            "/exporter/config/receivers"),
        Arguments.of(
            "pull policy",
            values("operator.image.pullPolicy", "Sometimes"),
            "/operator/image/pullPolicy"),
        Arguments.of(
            "service type", values("metrics.service.type", "Ingress"), "/metrics/service/type"),
        Arguments.of(
            "backup claim that cannot name a volume",
            values("operator.backupClaims", List.of(Map.of("claimName", "team.backups"))),
            "/operator/backupClaims/0/claimName"),
        Arguments.of(
            "backup workers", values("operator.backupWorkers", 0), "/operator/backupWorkers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void rejectsBadValuesWithTheirPath(String problem, Map<String, Object> values, String path) {
    assertThatThrownBy(() -> Chart.ours().template(values))
        .as(problem)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(path);
  }
}
