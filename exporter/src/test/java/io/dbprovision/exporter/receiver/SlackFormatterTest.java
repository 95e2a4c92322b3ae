package io.dbprovision.exporter.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.normalize.TestEvents;
import io.dbprovision.exporter.template.TemplateException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackFormatterTest {

  private static Sink.Slack sink(String message, String color, Map<String, String> fields) {
    return new Sink.Slack("", "https://hooks.example/x", "", message, color, "", "", "", fields);
  }

  @Test
  void buildsBlockKitInsideAColouredAttachmentWithAPlainTextFallback() {
    Sink.Slack slack =
        new Sink.Slack(
            "",
            "https://hooks.example/x",
            "",
            "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}",
            "",
            "{{ .Reason }} in {{ .Namespace }}",
            "db-provision",
            "cluster {{ .ClusterName }}",
            Map.of("Reason", "{{ .Reason }}", "Count", "{{ .Count }}"));
    SlackMessage message =
        new SlackFormatter("alerts", slack, "prod")
            .format(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(message.webhookJson())
        .isEqualTo(
            "{\"text\":\"DatabaseInstance/pg-main: ConnectionFailed\",\"attachments\":[{"
                + "\"color\":\"danger\",\"fallback\":\"DatabaseInstance/pg-main: ConnectionFailed\","
                + "\"blocks\":["
                + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"ConnectionFailed in db\"}},"
                + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"DatabaseInstance/pg-main: ConnectionFailed\"}},"
                + "{\"type\":\"section\",\"fields\":["
                + "{\"type\":\"mrkdwn\",\"text\":\"*Count*\\n3\"},"
                + "{\"type\":\"mrkdwn\",\"text\":\"*Reason*\\nConnectionFailed\"}]},"
                + "{\"type\":\"context\",\"elements\":["
                + "{\"type\":\"mrkdwn\",\"text\":\"db-provision\"},"
                + "{\"type\":\"mrkdwn\",\"text\":\"cluster prod\"}]}]}]}");
  }

  @ParameterizedTest
  @CsvSource({
    "Warning,'',danger",
    "Normal,'',good",
    "Warning,'{{ if eq .Reason \"X\" }}#439FE0{{ end }}',#439FE0"
  })
  void coloursWarningRedAndNormalGreenUnlessTheColorTemplateSaysOtherwise(
      String type, String colorTemplate, String expected) {
    var event = TestEvents.event().type(type).reason("X").build();
    SlackMessage message =
        new SlackFormatter("r", sink("hi", colorTemplate, Map.of()), "")
            .format(Outgoing.Alert.of(event));
    assertThat(message.attachment()).containsEntry("color", expected);
  }

  @Test
  void escapesUserDataButKeepsLinksWrittenInTheTemplate() {
    var event = Events.warning("Database", "app", "DriftDetected", "<!channel> a & b > c");
    SlackMessage message =
        new SlackFormatter(
                "r",
                sink("<https://runbooks.example/drift|runbook> {{ .Message }}", "", Map.of()),
                "")
            .format(Outgoing.Alert.of(event));
    assertThat(message.text())
        .isEqualTo("<https://runbooks.example/drift|runbook> &lt;!channel&gt; a &amp; b &gt; c");
  }

  @Test
  void truncatesTextAndSectionsToSlackLimitsWithAMarker() {
    var event = Events.warning("Database", "app", "DriftDetected", "x".repeat(50_000));
    SlackMessage message =
        new SlackFormatter("r", sink("{{ .Message }}", "", Map.of()), "")
            .format(Outgoing.Alert.of(event));

    assertThat(message.text()).hasSize(40_000).endsWith("… (truncated)");
    @SuppressWarnings("unchecked")
    var blocks = (List<Map<String, Object>>) message.attachment().get("blocks");
    @SuppressWarnings("unchecked")
    var section = (Map<String, Object>) blocks.get(0).get("text");
    assertThat((String) section.get("text")).hasSize(3_000).endsWith("… (truncated)");
  }

  @Test
  void neverCutsAnEscapeSequenceInHalf() {
    String text = "a".repeat(2_984) + "&amp;" + "b".repeat(100);
    assertThat(Mrkdwn.truncate(text, 3_000)).isEqualTo("a".repeat(2_984) + "… (truncated)");
  }

  @Test
  void keepsAtMostFiftyBlocksAndSaysHowManyWereCut() {
    Map<String, String> fields = new java.util.HashMap<>();
    for (int i = 0; i < 600; i++) {
      fields.put(String.format("f%03d", i), "v");
    }
    SlackMessage message =
        new SlackFormatter("r", sink("m", "", fields), "")
            .format(Outgoing.Alert.of(Events.connectionFailed()));
    @SuppressWarnings("unchecked")
    var blocks = (List<Map<String, Object>>) message.attachment().get("blocks");
    assertThat(blocks).hasSize(50);
    assertThat(blocks.get(49).toString()).contains("(12 more blocks truncated)");
  }

  @Test
  void fallsBackToAPlainMessageWhenTheTemplateFails() {
    try (LogCapture logs = new LogCapture()) {
      var event = Events.warning("Database", "app", "DriftDetected", "grant <x> changed");
      SlackMessage message =
          new SlackFormatter("r", sink("{{ index .Message 1 2 }}", "", Map.of()), "")
              .format(Outgoing.Alert.of(event));
      assertThat(message.text())
          .isEqualTo("Warning Database db/app: DriftDetected grant &lt;x&gt; changed");
      assertThat(logs.lines()).anyMatch(l -> l.contains("template r.message failed at line 1"));
    }
  }

  @Test
  void saysHowManyRepeatsACooldownHeldBack() {
    SlackMessage message =
        new SlackFormatter("r", sink("{{ .Reason }}", "", Map.of()), "")
            .format(
                new Outgoing.Alert(
                    Events.connectionFailed(), 4, Instant.parse("2026-11-25T07:55:00Z")));
    assertThat(message.text()).isEqualTo("ConnectionFailed (×4 since 2026-11-25 07:55:00 UTC)");
  }

  @Test
  void summarisesADigest() {
    var digest =
        new Outgoing.Digest(
            37,
            List.of(
                new Outgoing.Digest.Group(
                    "Warning", "ConnectionFailed", "DatabaseInstance", "pg-main", 30),
                new Outgoing.Digest.Group("Warning", "DriftDetected", "Database", "app", 7)),
            0);
    SlackMessage message = new SlackFormatter("r", sink("", "", Map.of()), "").format(digest);
    assertThat(message.text())
        .isEqualTo(
            "37 more Warning events: 30× ConnectionFailed on DatabaseInstance/pg-main,"
                + " 7× DriftDetected on Database/app");
    assertThat(message.attachment()).containsEntry("color", "danger");
  }

  @Test
  void rejectsATemplateThatDoesNotParseAtLoadNamingIt() {
    assertThatThrownBy(() -> new SlackFormatter("alerts", sink("{{ .Reason ", "", Map.of()), ""))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("alerts.message");
  }
}
