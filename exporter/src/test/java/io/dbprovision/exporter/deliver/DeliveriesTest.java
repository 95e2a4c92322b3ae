package io.dbprovision.exporter.deliver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dbprovision.exporter.config.DeliveryConfig;
import io.dbprovision.exporter.config.MetricsConfig;
import io.dbprovision.exporter.config.NotifyConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.receiver.Events;
import io.dbprovision.exporter.receiver.LogCapture;
import io.dbprovision.exporter.receiver.Metric;
import io.dbprovision.exporter.receiver.Outgoing;
import io.dbprovision.exporter.receiver.Receiver;
import io.dbprovision.exporter.receiver.Receivers;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveriesTest {
  private static final DeliveryConfig CONFIG =
      new DeliveryConfig(
          100,
          10,
          Duration.ofSeconds(1),
          Duration.ofMillis(300),
          4,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3));

  @RegisterExtension
  static WireMockExtension hook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<Duration> sleeps = new ArrayList<>();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExporterMetrics metrics =
      new ExporterMetrics(registry, MetricsConfig.defaults(), clock, "test");
  private Deliveries deliveries;

  @AfterEach
  void stop() {
    if (deliveries != null) {
      deliveries.close();
    }
    scheduler.close();
  }

  private Deliveries start(
      List<ReceiverConfig> receivers,
      Function<ReceiverConfig, Receiver> factory,
      DeliveryConfig config) {
    Sleeper sleeper =
        duration -> {
          synchronized (sleeps) {
            sleeps.add(duration);
          }
          clock.advance(duration);
        };
    deliveries = new Deliveries(receivers, factory, config, metrics, clock, sleeper, scheduler);
    return deliveries;
  }

  private Deliveries startWebhook() {
    Map<String, Object> layout = new LinkedHashMap<>();
    layout.put("reason", "{{ .Reason }}");
    layout.put("object", "{{ .InvolvedObject.Name }}");
    ReceiverConfig receiver =
        new ReceiverConfig(
            "hook",
            new Sink.Webhook(
                hook.baseUrl() + "/alerts",
                Map.of("X-Reason", "{{ .Reason }}"),
                layout,
                Sink.Tls.defaults()));
    return start(
        List.of(receiver), new Receivers("prod", CONFIG, "", new StringWriter())::create, CONFIG);
  }

  private double deliveries(String receiver, String outcome) {
    return Metric.value(
        registry, "dbprovision_exporter_deliveries", "receiver", receiver, "outcome", outcome);
  }

  private double attempts(String receiver) {
    return Metric.value(registry, "dbprovision_exporter_delivery_attempts", "receiver", receiver);
  }

  private static ResponseDefinitionBuilder ok() {
    return aResponse().withStatus(200);
  }

  private void stubInTurn(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      hook.stubFor(
          post("/alerts")
              .inScenario("turns")
              .whenScenarioStateIs(i == 0 ? STARTED : "turn-" + i)
              .willReturn(responses[i])
              .willSetStateTo("turn-" + (i + 1)));
    }
  }

  private List<LoggedRequest> requests() {
    return hook.findAll(postRequestedFor(urlEqualTo("/alerts")));
  }

  @Test
  void receiverSeriesExistAtZeroFromStart() {
    startWebhook();
    for (String outcome : List.of("sent", "failed", "dropped", "suppressed", "digested")) {
      assertThat(deliveries("hook", outcome)).isZero();
    }
    assertThat(attempts("hook")).isZero();
    assertThat(Metric.value(registry, "dbprovision_exporter_queue_depth", "receiver", "hook"))
        .isZero();
  }

  @Test
  void waitsForRetryAfterOnA429ThenSendsTheSameRequestAgain() {
    stubInTurn(aResponse().withStatus(429).withHeader("Retry-After", "7"), ok());
    startWebhook().submit(Events.connectionFailed(), List.of("hook"));

    await().until(() -> deliveries("hook", "sent") == 1);
    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(7));
    assertThat(requests()).hasSize(2);
    for (LoggedRequest request : requests()) {
      assertThat(request.getBodyAsString())
          .isEqualTo("{\"reason\":\"ConnectionFailed\",\"object\":\"pg-main\"}");
      assertThat(request.getHeader("X-Reason")).isEqualTo("ConnectionFailed");
      assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    }
    assertThat(attempts("hook")).isEqualTo(2);
    assertThat(deliveries("hook", "failed")).isZero();
  }

  @Test
  void retries500sWithGrowingJitteredBackoffUntilTheServerRecovers() {
    stubInTurn(
        aResponse().withStatus(500),
        aResponse().withStatus(502),
        aResponse().withStatus(503),
        ok());
    startWebhook().submit(Events.connectionFailed(), List.of("hook"));

    await().until(() -> deliveries("hook", "sent") == 1);
    List<Duration> delays = scheduler.delays();
    assertThat(delays).hasSize(3);
    long[] nominal = {1000, 2000, 4000};
    for (int i = 0; i < 3; i++) {
      assertThat(delays.get(i).toMillis()).isBetween(nominal[i] * 8 / 10, nominal[i] * 12 / 10);
    }
    assertThat(requests()).hasSize(4);
    assertThat(attempts("hook")).isEqualTo(4);
  }

  @Test
  void retriesAConnectionReset() {
    stubInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok());
    startWebhook().submit(Events.connectionFailed(), List.of("hook"));

    await().until(() -> deliveries("hook", "sent") == 1);
    assertThat(requests()).hasSize(2);
    assertThat(scheduler.delays()).hasSize(1);
    assertThat(attempts("hook")).isEqualTo(2);
  }

  @Test
  void givesUpOnASlowServerAfterTheAttemptLimitEachBoundedByTheTimeout() {
    hook.stubFor(post("/alerts").willReturn(ok().withFixedDelay(2_000)));
    try (LogCapture logs = new LogCapture()) {
      startWebhook().submit(Events.connectionFailed(), List.of("hook"));

      await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("hook", "failed") == 1);
      assertThat(attempts("hook")).isEqualTo(4);
      assertThat(scheduler.delays()).hasSize(3);
      assertThat(deliveries("hook", "sent")).isZero();
      assertThat(logs.lines())
          .anyMatch(l -> l.contains("timed out after 300 ms (gave up after 4 attempts)"));
    }
  }

  @Test
  void reportsADeadWebhookOnceWithoutRetrying() {
    hook.stubFor(post("/alerts").willReturn(aResponse().withStatus(404).withBody("no_service")));
    try (LogCapture logs = new LogCapture()) {
      startWebhook().submit(Events.connectionFailed(), List.of("hook"));

      await().until(() -> deliveries("hook", "failed") == 1);
      assertThat(requests()).hasSize(1);
      assertThat(scheduler.delays()).isEmpty();
      assertThat(attempts("hook")).isEqualTo(1);
      assertThat(logs.lines())
          .anyMatch(
              l -> l.contains("Receiver hook: delivery failed: HTTP 404 no_service (not retried)"));
    }
  }

  @Test
  void keepsTheOrderOfEventsPerReceiver() {
    hook.stubFor(post("/alerts").willReturn(ok()));
    Deliveries started = startWebhook();
    List<String> reasons = IntStream.range(0, 8).mapToObj(i -> "Reason" + i).toList();
    reasons.forEach(
        r -> started.submit(Events.warning("Database", "app", r, "m"), List.of("hook")));

    await().until(() -> deliveries("hook", "sent") == 8);
    assertThat(requests().stream().map(r -> r.getHeader("X-Reason")).toList())
        .containsExactlyElementsOf(reasons);
  }

  @Test
  void coalescesABackedUpQueueIntoOneDigest() {
    RecordingReceiver slow = new RecordingReceiver("slack", "dest", true);
    Deliveries started =
        start(
            List.of(
                new ReceiverConfig("slack", new Sink.Stdout(null, false), NotifyConfig.every())),
            c -> slow,
            CONFIG);
    started.submit(Events.warning("Database", "app", "DriftDetected", "first"), List.of("slack"));
    await().until(() -> slow.firstSendStarted.getCount() == 0);
    for (int i = 0; i < 30; i++) {
      started.submit(Events.connectionFailed(), List.of("slack"));
    }
    for (int i = 0; i < 7; i++) {
      started.submit(Events.warning("Database", "app", "DriftDetected", "m"), List.of("slack"));
    }
    assertThat(Metric.value(registry, "dbprovision_exporter_queue_depth", "receiver", "slack"))
        .isEqualTo(37);
    slow.release();

    await().until(() -> deliveries("slack", "digested") == 37);
    assertThat(slow.sent()).hasSize(2);
    Outgoing.Digest digest = (Outgoing.Digest) slow.sent().get(1);
    assertThat(digest.summary())
        .isEqualTo(
            "37 more Warning events: 30× ConnectionFailed on DatabaseInstance/pg-main,"
                + " 7× DriftDetected on Database/app");
    assertThat(deliveries("slack", "sent")).isEqualTo(1);
  }

  @Test
  void foldsEventsBeyondTheQueueBoundIntoTheDigestInsteadOfLosingThem() {
    DeliveryConfig small =
        new DeliveryConfig(
            5,
            10,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            1,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3));
    RecordingReceiver slow = new RecordingReceiver("r", null, true);
    Deliveries started =
        start(
            List.of(new ReceiverConfig("r", new Sink.Stdout(null, false), NotifyConfig.every())),
            c -> slow,
            small);
    started.submit(Events.connectionFailed(), List.of("r"));
    await().until(() -> slow.firstSendStarted.getCount() == 0);
    for (int i = 0; i < 500; i++) {
      started.submit(Events.connectionFailed(), List.of("r"));
    }
    slow.release();

    await().until(() -> deliveries("r", "digested") == 500);
    assertThat(((Outgoing.Digest) slow.sent().get(1)).total()).isEqualTo(500);
    assertThat(deliveries("r", "sent") + deliveries("r", "digested")).isEqualTo(501);
  }

  @Test
  void pacesMessagesToOneSlackDestinationAboutOnePerSecondAcrossReceivers() {
    RecordingReceiver a = new RecordingReceiver("a", "same-channel", false);
    RecordingReceiver b = new RecordingReceiver("b", "same-channel", false);
    Deliveries started =
        start(
            List.of(
                new ReceiverConfig("a", new Sink.Stdout(null, false), NotifyConfig.every()),
                new ReceiverConfig("b", new Sink.Stdout(null, false), NotifyConfig.every())),
            c -> c.name().equals("a") ? a : b,
            CONFIG);
    for (int i = 0; i < 3; i++) {
      started.submit(Events.warning("Database", "app", "R" + i, "m"), List.of("a", "b"));
    }

    await().until(() -> a.sent().size() + b.sent().size() == 6);
    // Six messages to one channel: the first goes at once, each other waits for its own slot.
    synchronized (sleeps) {
      assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(5_000);
    }
  }

  @Test
  void cooldownHoldsRepeatsBackAndTheNextMessageCountsThem() {
    RecordingReceiver slack = new RecordingReceiver("slack", null, false);
    Deliveries started =
        start(
            List.of(
                new ReceiverConfig(
                    "slack",
                    new Sink.Stdout(null, false),
                    NotifyConfig.cooldown(Duration.ofMinutes(10)))),
            c -> slack,
            CONFIG);
    Instant first = clock.instant();
    for (int i = 0; i < 4; i++) {
      started.submit(Events.connectionFailed(), List.of("slack"));
      clock.advance(Duration.ofMinutes(1));
    }
    started.submit(
        Events.warning("Database", "app", "DriftDetected", "other key"), List.of("slack"));
    clock.advance(Duration.ofMinutes(7));
    started.submit(Events.connectionFailed(), List.of("slack"));

    await().until(() -> slack.sent().size() == 3);
    assertThat(deliveries("slack", "suppressed")).isEqualTo(3);
    assertThat(deliveries("slack", "sent")).isEqualTo(3);
    Outgoing.Alert last = (Outgoing.Alert) slack.sent().get(2);
    assertThat(last.repeats()).isEqualTo(3);
    assertThat(last.since()).isEqualTo(first.plus(Duration.ofMinutes(1)));
  }

  @Test
  void firstPolicyNotifiesOncePerObjectAndReason() {
    RecordingReceiver r = new RecordingReceiver("r", null, false);
    Deliveries started =
        start(
            List.of(
                new ReceiverConfig(
                    "r",
                    new Sink.Stdout(null, false),
                    new NotifyConfig(NotifyConfig.Mode.FIRST, Duration.ZERO))),
            c -> r,
            CONFIG);
    for (int i = 0; i < 3; i++) {
      started.submit(Events.connectionFailed(), List.of("r"));
      clock.advance(Duration.ofDays(1));
    }

    await().until(() -> deliveries("r", "suppressed") == 2);
    assertThat(deliveries("r", "sent")).isEqualTo(1);
  }

  @Test
  void drainsOnShutdownUntilTheDeadlineAndCountsWhatIsLeftAsDropped() {
    DeliveryConfig quickDrain =
        new DeliveryConfig(
            100,
            1000,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            1,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofMillis(300));
    RecordingReceiver stuck = new RecordingReceiver("r", null, true);
    Deliveries started =
        start(
            List.of(new ReceiverConfig("r", new Sink.Stdout(null, false), NotifyConfig.every())),
            c -> stuck,
            quickDrain);
    for (int i = 0; i < 5; i++) {
      started.submit(Events.warning("Database", "app", "R" + i, "m"), List.of("r"));
    }
    await().until(() -> stuck.firstSendStarted.getCount() == 0);

    started.close();
    started.submit(Events.connectionFailed(), List.of("r"));

    assertThat(deliveries("r", "dropped")).isEqualTo(6);
    assertThat(stuck.sent()).isEmpty();
  }

  @Test
  void pausesASlackWebhookForItsRetryAfterAndPacesTheRest() {
    String path = "/services/T000/B000/hooksecret123";
    hook.stubFor(
        post(path)
            .inScenario("slack")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withBody("rate_limited"))
            .willSetStateTo("open"));
    hook.stubFor(
        post(path).inScenario("slack").whenScenarioStateIs("open").willReturn(ok().withBody("ok")));
    ReceiverConfig slack =
        new ReceiverConfig(
            "slack",
            new Sink.Slack(
                "", hook.baseUrl() + path, "#db-alerts", "{{ .Reason }}", "", "", "", "", Map.of()),
            NotifyConfig.every());
    try (LogCapture logs = new LogCapture()) {
      Deliveries started =
          start(List.of(slack), new Receivers("", CONFIG, "", new StringWriter())::create, CONFIG);
      started.submit(Events.connectionFailed(), List.of("slack"));
      started.submit(Events.warning("Database", "app", "DriftDetected", "m"), List.of("slack"));

      await().until(() -> deliveries("slack", "sent") == 2);
      assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(30));
      synchronized (sleeps) {
        // After the pause, the next message still waits for its one-second slot.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
      }
      List<String> texts =
          hook.findAll(postRequestedFor(urlEqualTo(path))).stream()
              .map(r -> r.getBodyAsString().replaceAll(".*?\\{\"text\":\"([^\"]*)\".*", "$1"))
              .toList();
      assertThat(texts).containsExactly("ConnectionFailed", "ConnectionFailed", "DriftDetected");
      assertThat(attempts("slack")).isEqualTo(3);
      assertThat(logs.lines())
          .anyMatch(l -> l.contains("channel is ignored"))
          .allSatisfy(l -> assertThat(l).doesNotContain("hooksecret123"));
    }
  }

  @Test
  void everyEventEndsInExactlyOneOutcome() {
    hook.stubFor(
        post("/alerts")
            .withHeader("X-Reason", equalTo("Dead"))
            .willReturn(aResponse().withStatus(404)));
    hook.stubFor(post("/alerts").withHeader("X-Reason", equalTo("Fine")).willReturn(ok()));
    Deliveries started = startWebhook();
    for (int i = 0; i < 6; i++) {
      EventRecord event = Events.warning("Database", "app" + i, i % 2 == 0 ? "Fine" : "Dead", "m");
      started.submit(event, List.of("hook", "missing"));
    }

    await().until(() -> deliveries("hook", "sent") + deliveries("hook", "failed") == 6);
    assertThat(deliveries("hook", "sent")).isEqualTo(3);
    assertThat(deliveries("hook", "failed")).isEqualTo(3);
    assertThat(deliveries("missing", "dropped")).isEqualTo(6);
  }
}
