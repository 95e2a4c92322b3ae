package io.dbprovision.exporter.receiver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dbprovision.exporter.config.DeliveryConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.normalize.TestEvents;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WebhookReceiverTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .keystorePath(resource("tls/localhost.p12").toString())
                  .keystoreType("PKCS12")
                  .keystorePassword("changeit")
                  .keyManagerPassword("changeit"))
          .build();

  @TempDir Path dir;

  private static WebhookReceiver webhook(
      String url, Map<String, String> headers, Object layout, Sink.Tls tls) {
    return new WebhookReceiver(
        "hook",
        new Sink.Webhook(url, headers, layout, tls),
        "prod",
        Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/in")));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void sendsTheGoToolsDefaultBodyWithoutALayout() throws Exception {
    server.stubFor(post("/in").willReturn(aResponse().withStatus(204)));

    SendResult result =
        webhook("http://localhost:" + server.getPort() + "/in", Map.of(), null, Sink.Tls.defaults())
            .send(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(result).isEqualTo(new SendResult.Sent());
    assertThat(JSON.readTree(onlyRequest().getBodyAsString()))
        .isEqualTo(
            JSON.readTree(
                "{\"metadata\":{\"name\":\"x.1\",\"namespace\":\"db\","
                    + "\"uid\":\"uid-pg-main-ConnectionFailed\",\"resourceVersion\":\"1\","
                    + "\"creationTimestamp\":null},"
                    + "\"involvedObject\":{\"kind\":\"DatabaseInstance\",\"namespace\":\"db\","
                    + "\"name\":\"pg-main\",\"uid\":\"obj-uid\","
                    + "\"apiVersion\":\"dbops.dbprovision.io/v1alpha1\",\"resourceVersion\":\"7\","
                    + "\"deleted\":false},"
                    + "\"reason\":\"ConnectionFailed\","
                    + "\"message\":\"dial tcp 10.0.0.5:5432: connect: connection refused\","
                    + "\"source\":{},\"firstTimestamp\":null,"
                    + "\"lastTimestamp\":\"2026-11-25T08:00:00Z\",\"count\":3,\"type\":\"Warning\","
                    + "\"eventTime\":null,\"reportingComponent\":\"\",\"reportingInstance\":\"\","
                    + "\"clusterName\":\"prod\"}"));
    assertThat(onlyRequest().getHeader("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void keepsNumbersAndBooleansOfATypedLayoutAndRendersStringLeaves() {
    server.stubFor(post("/in").willReturn(aResponse().withStatus(200)));
    Map<String, Object> layout = new LinkedHashMap<>();
    layout.put("summary", "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}");
    layout.put("severity", 3L);
    layout.put("page", true);
    layout.put("count", "{{ .Count }}");
    layout.put("tags", List.of("{{ .Reason }}", 1.5));

    webhook("http://localhost:" + server.getPort() + "/in", Map.of(), layout, Sink.Tls.defaults())
        .send(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(onlyRequest().getBodyAsString())
        .isEqualTo(
            "{\"summary\":\"DatabaseInstance/pg-main\",\"severity\":3,\"page\":true,"
                + "\"count\":\"3\",\"tags\":[\"ConnectionFailed\",1.5]}");
  }

  @Test
  void rendersHeaderTemplatesAndKeepsTheirValuesOutOfResults() {
    server.stubFor(
        post("/in").willReturn(aResponse().withStatus(401).withBody("bad token s3cr3t-value")));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer s3cr3t-value");
    headers.put("X-Object", "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}");

    SendResult result =
        webhook("http://localhost:" + server.getPort() + "/in", headers, null, Sink.Tls.defaults())
            .send(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer s3cr3t-value");
    assertThat(onlyRequest().getHeader("X-Object")).isEqualTo("DatabaseInstance/pg-main");
    assertThat(result).isEqualTo(new SendResult.Permanent("HTTP 401 bad token <redacted>"));
  }

  @Test
  void trustsTheServerThroughCaFile() throws Exception {
    server.stubFor(post("/in").willReturn(aResponse().withStatus(200)));
    Path ca = resource("tls/localhost-ca.pem");
    String url = "https://localhost:" + server.getHttpsPort() + "/in";

    SendResult untrusted =
        webhook(url, Map.of(), null, Sink.Tls.defaults())
            .send(Outgoing.Alert.of(Events.connectionFailed()));
    SendResult trusted =
        webhook(url, Map.of(), null, new Sink.Tls(false, "", ca.toString(), "", ""))
            .send(Outgoing.Alert.of(Events.connectionFailed()));

    assertThat(untrusted).isInstanceOf(SendResult.Permanent.class);
    assertThat(((SendResult.Permanent) untrusted).cause()).startsWith("TLS handshake failed");
    assertThat(trusted).isEqualTo(new SendResult.Sent());
  }

  @Test
  void verifiesTheCertificateAgainstServerNameInsteadOfTheUrlHost() {
    server.stubFor(post("/in").willReturn(aResponse().withStatus(200)));
    String ca = resource("tls/localhost-ca.pem").toString();
    String byAddress = "https://127.0.0.1:" + server.getHttpsPort() + "/in";

    assertThat(
            webhook(byAddress, Map.of(), null, new Sink.Tls(false, "localhost", ca, "", ""))
                .send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(new SendResult.Sent());
    SendResult wrongName =
        webhook(byAddress, Map.of(), null, new Sink.Tls(false, "alerts.example", ca, "", ""))
            .send(Outgoing.Alert.of(Events.connectionFailed()));
    assertThat(wrongName).isInstanceOf(SendResult.Permanent.class);
    assertThat(((SendResult.Permanent) wrongName).cause()).startsWith("TLS handshake failed");
  }

  @Test
  void skipsVerificationOnlyWhenAskedTo() {
    server.stubFor(post("/in").willReturn(aResponse().withStatus(200)));
    String url = "https://127.0.0.1:" + server.getHttpsPort() + "/in";

    assertThat(
            webhook(url, Map.of(), null, new Sink.Tls(true, "", "", "", ""))
                .send(Outgoing.Alert.of(Events.connectionFailed())))
        .isEqualTo(new SendResult.Sent());
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/in")))).hasSize(1);
  }

  @Test
  void writesOneJsonLinePerEventToStdoutWithDeDot() {
    StringWriter out = new StringWriter();
    Receiver stdout =
        new Receivers("prod", DeliveryConfig.defaults(), "", out)
            .create(
                new ReceiverConfig(
                    "debug", new Sink.Stdout(Map.of("labels", "{{ toJson .Labels }}"), true)));
    Receiver plain =
        new Receivers("", DeliveryConfig.defaults(), "", out)
            .create(new ReceiverConfig("plain", new Sink.Stdout(null, true)));
    var event = TestEvents.parse("reason=Created;labels.app.kubernetes.io/name=db");

    stdout.send(Outgoing.Alert.of(event));
    plain.send(Outgoing.Alert.of(event));

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("{\"labels\":\"{}\"}");
    assertThat(lines.get(1)).contains("\"labels\":{\"app_kubernetes_io/name\":\"db\"}");
  }

  @Test
  void writesADigestAsItsOwnObject() {
    StringWriter out = new StringWriter();
    Receiver stdout =
        new Receivers("", DeliveryConfig.defaults(), "", out)
            .create(new ReceiverConfig("debug", new Sink.Stdout(null, false)));

    stdout.send(
        new Outgoing.Digest(
            3,
            List.of(
                new Outgoing.Digest.Group(
                    "Warning", "ConnectionFailed", "DatabaseInstance", "pg-main", 3)),
            0));

    assertThat(out.toString())
        .isEqualTo(
            "{\"digest\":{\"total\":3,\"summary\":\"3 more Warning events: 3× ConnectionFailed on"
                + " DatabaseInstance/pg-main\",\"groups\":[{\"type\":\"Warning\","
                + "\"reason\":\"ConnectionFailed\",\"kind\":\"DatabaseInstance\","
                + "\"name\":\"pg-main\",\"count\":3}],\"others\":0}}\n");
  }

  @Test
  void appendsToAFile() throws Exception {
    Path file = dir.resolve("events.jsonl");
    Receiver receiver =
        new Receivers("", DeliveryConfig.defaults(), "", new StringWriter())
            .create(
                new ReceiverConfig(
                    "file",
                    new Sink.File(file.toString(), Map.of("r", "{{ .Reason }}"), false, 0, 0, 0)));

    receiver.send(Outgoing.Alert.of(Events.connectionFailed()));
    receiver.send(Outgoing.Alert.of(Events.warning("Database", "app", "DriftDetected", "m")));
    receiver.close();

    assertThat(Files.readAllLines(file))
        .containsExactly("{\"r\":\"ConnectionFailed\"}", "{\"r\":\"DriftDetected\"}");
  }

  private static Path resource(String name) {
    try {
      return Path.of(WebhookReceiverTest.class.getClassLoader().getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
