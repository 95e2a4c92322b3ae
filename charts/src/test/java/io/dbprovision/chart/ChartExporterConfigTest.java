package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.FULLNAME;
import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exporter's config file from values, and the Secret wiring behind its ${VAR}s. */
class ChartExporterConfigTest {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  @Test
  @SuppressWarnings("unchecked")
  void defaultConfigIsTheEventsReferenceSlackRoutePlusWhatTheChartOwns() throws IOException {
    Map<String, Object> config = config(Chart.ours().render());

    Map<String, Object> expected;
    try (InputStream in = getClass().getResourceAsStream("/exporter/default-config.yaml")) {
      expected = YAML.unmarshal(in, Map.class);
    }
    assertThat(config).isEqualTo(expected);
  }

  @Test
  void slackWebhookComesFromTheExistingSecretNotTheConfigFile() {
    RenderedChart chart = Chart.ours().render();

    EnvVar webhook = env(exporter(chart), "SLACK_WEBHOOK_URL");
    assertThat(webhook.getValue()).isNull();
    assertThat(webhook.getValueFrom().getSecretKeyRef().getName()).isEqualTo("db-provision-slack");
    assertThat(webhook.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("webhook-url");
    assertThat(webhook.getValueFrom().getSecretKeyRef().getOptional()).isNotEqualTo(Boolean.TRUE);
    assertThat(configText(chart))
        .contains("${SLACK_WEBHOOK_URL}")
        .doesNotContain("hooks.slack.com");
  }

  @Test
  void botTokenIsWiredWhenItsKeyIsGiven() {
    RenderedChart chart =
        Chart.ours()
            .render(
                values(
                    "exporter.slack.existingSecret", "team-slack",
                    "exporter.slack.tokenKey", "bot-token"));

    EnvVar token = env(exporter(chart), "SLACK_TOKEN");
    assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("team-slack");
    assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("bot-token");
    assertThat(env(exporter(chart), "SLACK_WEBHOOK_URL").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("team-slack");
  }

  @Test
  void refusesAConfigVariableThatNoEnvironmentVariableProvides() {
    assertThatThrownBy(() -> Chart.ours().template(values("exporter.slack.existingSecret", "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exporter.config uses ${SLACK_WEBHOOK_URL}")
        .hasMessageContaining("exporter.slack.existingSecret");
  }

  @Test
  void acceptsVariablesFromExtraEnvAndEscapedDollars() {
    Map<String, Object> receiver =
        Map.of(
            "name",
            "hook",
            "webhook",
            Map.of(
                "endpoint",
                "https://alerts.example.test/${HOOK_PATH}",
                "headers",
                Map.of("X-Price", "$${NOT_A_VARIABLE}")));
    RenderedChart chart =
        Chart.ours()
            .render(
                values(
                    "exporter.slack.existingSecret", "",
                    "exporter.extraEnv",
                        List.of(
                            Map.of(
                                "name",
                                "HOOK_PATH",
                                "valueFrom",
                                Map.of("secretKeyRef", Map.of("name", "hooks", "key", "path")))),
                    "exporter.config",
                        Map.of(
                            "route",
                                Map.of(
                                    "routes",
                                    List.of(Map.of("match", List.of(Map.of("receiver", "hook"))))),
                            "receivers", List.of(receiver))));

    assertThat(configText(chart)).contains("${HOOK_PATH}").contains("$${NOT_A_VARIABLE}");
    assertThat(exporter(chart).getEnv())
        .extracting(EnvVar::getName)
        .contains("HOOK_PATH")
        .doesNotContain("SLACK_WEBHOOK_URL");
  }

  @Test
  void leaderElectionAndCheckpointMatchTheNamesRbacAllows() {
    Map<String, Object> config = config(Chart.ours().render(values("replicaCount", 2)));

    assertThat(config.get("leaderElection"))
        .isEqualTo(Map.of("enabled", true, "leaderElectionID", FULLNAME + "-exporter"));
    assertThat(config.get("checkpoint"))
        .isEqualTo(Map.of("configMap", FULLNAME + "-exporter-checkpoint"));
  }

  @Test
  void exporterLeaderElectionFollowsTheNumberOfExporters() {
    assertThat(leaderElection(values("exporter.mode", "deployment", "replicaCount", 3))).isFalse();
    assertThat(leaderElection(values("exporter.mode", "deployment", "exporter.replicaCount", 2)))
        .isTrue();
    assertThat(leaderElection(values("exporter.mode", "sidecar", "replicaCount", 2))).isTrue();
    assertThat(leaderElection(values("exporter.leaderElection.force", true))).isTrue();
    assertThat(leaderElection(values())).isFalse();
  }

  private static boolean leaderElection(Map<String, Object> values) {
    @SuppressWarnings("unchecked")
    Map<String, Object> election =
        (Map<String, Object>) config(Chart.ours().render(values)).get("leaderElection");
    return (Boolean) election.get("enabled");
  }

  static String configText(RenderedChart chart) {
    return chart.one(ConfigMap.class, FULLNAME + "-exporter-config").getData().get("config.yaml");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> config(RenderedChart chart) {
    return YAML.unmarshal(configText(chart), Map.class);
  }

  static Container exporter(RenderedChart chart) {
    return chart
        .containers()
        .filter(c -> c.container().getName().equals("exporter"))
        .findFirst()
        .orElseThrow()
        .container();
  }

  static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
  }
}
