package io.dbprovision.exporter.receiver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dbprovision.exporter.config.Sink;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackReceiverTest {
  private static final String TOKEN = "xoxb-1111-2222-secretsecret";
  private static final String HOOK_PATH = "/services/T000/B000/hooksecret123";

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SlackReceiver bot(String channel) {
    Sink.Slack sink =
        new Sink.Slack(
            TOKEN, "", channel, "{{ .Reason }}: {{ .Message }}", "", "", "", "", Map.of());
    return new SlackReceiver(
        "alerts",
        sink,
        new SlackFormatter("alerts", sink, ""),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        slack.baseUrl() + "/api/");
  }

  private SlackReceiver webhook(String channel) {
    Sink.Slack sink =
        new Sink.Slack(
            "", slack.baseUrl() + HOOK_PATH, channel, "{{ .Reason }}", "", "", "", "", Map.of());
    return new SlackReceiver(
        "hook",
        sink,
        new SlackFormatter("hook", sink, ""),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        slack.baseUrl() + "/api/");
  }

  @Test
  void postsWithTheBotTokenAsChatPostMessageForm() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"ts\":\"1700000000.000100\"}")));

    SendResult result = bot("C123").send(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(result).isEqualTo(new SendResult.Sent());
    List<LoggedRequest> requests =
        slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    assertThat(requests).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    String text = "ConnectionFailed: dial tcp 10.0.0.5:5432: connect: connection refused";
    assertThat(form(request.getBodyAsString()))
        .isEqualTo(
            Map.of(
                "channel",
                "C123",
                "link_names",
                "0",
                "mrkdwn",
                "1",
                "reply_broadcast",
                "0",
                "unfurl_links",
                "0",
                "unfurl_media",
                "0",
                "text",
                text,
                "attachments",
                "[{\"color\":\"danger\",\"fallback\":\""
                    + text
                    + "\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\""
                    + text
                    + "\"}}]}]"));
  }

  @Test
  void reportsOkFalseAsPermanentEvenThoughTheStatusIs200() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(aResponse().withBody("{\"ok\":false,\"error\":\"channel_not_found\"}")));

    assertThat(bot("C404").send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(new SendResult.Permanent("Slack: channel_not_found"));
  }

  @Test
  void readsRetryAfterFromAWebApi429() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

    SendResult result = bot("C123").send(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(result).isInstanceOf(SendResult.Retryable.class);
    assertThat(((SendResult.Retryable) result).retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void postsJsonToAnIncomingWebhook() {
    slack.stubFor(post(HOOK_PATH).willReturn(aResponse().withBody("ok")));

    assertThat(webhook("").send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(new SendResult.Sent());

    slack.verify(
        1,
        postRequestedFor(urlEqualTo(HOOK_PATH))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"text\":\"ConnectionFailed\",\"attachments\":[{\"color\":\"danger\","
                        + "\"fallback\":\"ConnectionFailed\",\"blocks\":[{\"type\":\"section\","
                        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"ConnectionFailed\"}}]}]}")));
  }

  @Test
  void classifiesWebhookAnswers() {
    slack.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(404).withBody("no_service")));
    assertThat(webhook("").send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(new SendResult.Permanent("HTTP 404 no_service"));

    slack.stubFor(
        post(HOOK_PATH)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withBody("rate_limited")));
    assertThat(webhook("").send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(
            new SendResult.Retryable("HTTP 429 rate_limited", Optional.of(Duration.ofSeconds(7))));

    slack.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(500).withBody("rollup_error")));
    assertThat(webhook("").send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(new SendResult.Retryable("HTTP 500 rollup_error", Optional.empty()));

    slack.stubFor(
        post(HOOK_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(webhook("").send(Outgoing.Alert.of(Events.connectionFailed())))
        .isInstanceOf(SendResult.Retryable.class);
  }

  @Test
  void neverShowsTheTokenOrWebhookUrlInLogsOrResults() {
    slack.stubFor(
        post(HOOK_PATH).willReturn(aResponse().withStatus(403).withBody("bad " + HOOK_PATH)));
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(aResponse().withBody("{\"ok\":false,\"error\":\"" + TOKEN + "\"}")));
    try (LogCapture logs = new LogCapture()) {
      SendResult fromHook =
          webhook("#db-alerts").send(Outgoing.Alert.of(Events.connectionFailed()));
      SendResult fromBot = bot("C1").send(Outgoing.Alert.of(Events.connectionFailed()));

      assertThat(fromHook.toString()).doesNotContain("hooksecret123").contains("<redacted>");
      assertThat(fromBot.toString()).doesNotContain(TOKEN);
      assertThat(logs.lines())
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).doesNotContain("hooksecret123", "secretsecret"));
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
