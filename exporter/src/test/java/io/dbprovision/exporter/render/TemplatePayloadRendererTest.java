package io.dbprovision.exporter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.InvalidConfigException;
import io.dbprovision.exporter.normalize.EventTemplateData;
import io.dbprovision.exporter.normalize.TestEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatePayloadRendererTest {
  private static final Map<String, Object> EVENT =
      EventTemplateData.of(
          TestEvents.parse(
              "ns=team-a;kind=Backup;name=nightly;reason=BackupFailed;type=Warning;"
                  + "message=disk full;labels.app.kubernetes.io/name=db"),
          "prod");

  private static ExporterConfig config(String receivers) throws InvalidConfigException {
    String yaml =
        "route:\n  routes:\n    - match:\n        - receiver: r\nreceivers:\n" + receivers;
    return new ConfigLoader(k -> "secret-" + k, true, new GoTemplateSyntax())
        .parse(yaml, "test")
        .config();
  }

  @Test
  void rendersSlackPartsAndFieldsSortedByName() throws Exception {
    ExporterConfig config =
        config(
            """
              - name: r
                slack:
                  token: ${TOKEN}
                  channel: "#alerts"
                  message: "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}"
                  title: "{{ .ClusterName }}"
                  color: "danger"
                  fields:
                    namespace: "{{ .Namespace }}"
                    message: "{{ .Message }}"
            """);
    TemplatePayloadRenderer renderer = new TemplatePayloadRenderer().prepare(config);

    Object payload = renderer.render(config.receivers().get(0), EVENT);

    assertThat(payload)
        .isEqualTo(
            Map.of(
                "message", "Backup/nightly: BackupFailed",
                "color", "danger",
                "title", "prod",
                "authorName", "",
                "footer", "",
                "fields", Map.of("message", "disk full", "namespace", "team-a")));
    assertThat(List.<Object>copyOf(((Map<?, ?>) ((Map<?, ?>) payload).get("fields")).keySet()))
        .containsExactly("message", "namespace");
  }

  @Test
  void rendersWebhookHeadersAndKeepsLayoutNumbersAndBooleans() throws Exception {
    ExporterConfig config =
        config(
            """
              - name: r
                webhook:
                  endpoint: http://example.invalid/hook
                  headers:
                    X-Reason: "{{ .Reason }}"
                  layout:
                    summary: "{{ .Message }}"
                    priority: 3
                    page: true
                    tags: ["{{ .Type }}", "db"]
            """);
    Object payload = new TemplatePayloadRenderer().render(config.receivers().get(0), EVENT);

    assertThat(payload)
        .isEqualTo(
            Map.of(
                "headers", Map.of("X-Reason", "BackupFailed"),
                "body",
                    Map.of(
                        "summary",
                        "disk full",
                        "priority",
                        3L,
                        "page",
                        true,
                        "tags",
                        List.of("Warning", "db"))));
  }

  @Test
  void webhookWithoutLayoutSendsTheEventItself() throws Exception {
    ExporterConfig config =
        config("  - name: r\n    webhook:\n      endpoint: http://example.invalid/hook\n");
    Map<?, ?> payload =
        (Map<?, ?>) new TemplatePayloadRenderer().render(config.receivers().get(0), EVENT);

    assertThat(payload.get("body")).isEqualTo(EVENT);
  }

  @Test
  void deDotReplacesDotsInLabelKeys() throws Exception {
    ExporterConfig config = config("  - name: r\n    stdout:\n      deDot: true\n");
    Map<?, ?> payload =
        (Map<?, ?>) new TemplatePayloadRenderer().render(config.receivers().get(0), EVENT);

    Map<?, ?> labels = (Map<?, ?>) ((Map<?, ?>) payload.get("InvolvedObject")).get("Labels");
    assertThat(List.<Object>copyOf(labels.keySet())).containsExactly("app_kubernetes_io/name");
  }

  @Test
  void aFailingTemplateFallsBackToAPlainMessageAndIsCounted() throws Exception {
    ExporterConfig config =
        config(
            """
              - name: r
                stdout:
                  layout:
                    text: "{{ index .Labels 3 }}"
            """);
    TemplatePayloadRenderer renderer = new TemplatePayloadRenderer().prepare(config);

    Object first = renderer.render(config.receivers().get(0), EVENT);
    renderer.render(config.receivers().get(0), EVENT);

    assertThat(first)
        .isEqualTo(Map.of("text", "Warning BackupFailed on Backup team-a/nightly: disk full"));
    assertThat(renderer.failures()).isEqualTo(2);
  }

  @Test
  void validationReportsABrokenTemplateWithItsPath() {
    assertThatThrownBy(
            () ->
                config(
                    """
                      - name: r
                        slack:
                          token: t
                          channel: c
                          message: "{{ .Reason "
                    """))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("receivers[0].slack.message")
        .hasMessageContaining("not a valid template: line 1, column");
  }
}
