package io.dbprovision.exporter.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.TestEvents;
import io.dbprovision.exporter.pipeline.Decision;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The process's real delivery: decisions from the pipeline reach the receivers' endpoints. */
class QueuedDeliveryTest {
  @RegisterExtension
  static WireMockExtension hook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static ExporterConfig config(String path) throws Exception {
    String yaml =
        """
        route:
          routes:
            - match:
                - receiver: hook
        receivers:
          - name: hook
            webhook:
              endpoint: "%s%s"
        """
            .formatted(hook.baseUrl(), path);
    return new ConfigLoader(name -> null, true).parse(yaml, "test").config();
  }

  static Decision decision(ExporterConfig config, EventRecord event, int occurrences) {
    return new Decision(event, occurrences, config.receivers(), config.clusterName());
  }

  @Test
  void sendsEveryOccurrenceOfADecisionToItsReceivers() throws Exception {
    hook.stubFor(post("/events").willReturn(aResponse().withStatus(200)));
    ExporterConfig config = config("/events");
    ExporterMetrics metrics =
        new ExporterMetrics(new PrometheusRegistry(), config.metrics(), Clock.systemUTC(), "test");
    EventRecord event =
        TestEvents.parse(
            "ns=team-a;kind=DatabaseInstance;name=pg;reason=ConnectionFailed;type=Warning;count=3");

    try (Delivery delivery = QueuedDelivery.factory().create(config, () -> config, null, metrics)) {
      delivery.dispatcher().dispatch(decision(config, event, 3));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  hook.verify(
                      3,
                      postRequestedFor(urlEqualTo("/events"))
                          .withRequestBody(
                              matchingJsonPath("$.reason", equalTo("ConnectionFailed")))));
      assertThat(delivery.workers().problem()).isEmpty();
    }
  }

  @Test
  void startsNewLanesWhenAReloadChangesTheReceivers() throws Exception {
    hook.stubFor(post("/old").willReturn(aResponse().withStatus(200)));
    hook.stubFor(post("/new").willReturn(aResponse().withStatus(200)));
    ExporterConfig first = config("/old");
    AtomicReference<ExporterConfig> current = new AtomicReference<>(first);
    ExporterMetrics metrics =
        new ExporterMetrics(new PrometheusRegistry(), first.metrics(), Clock.systemUTC(), "test");
    EventRecord event = TestEvents.parse("reason=DriftDetected;type=Warning");

    try (Delivery delivery = QueuedDelivery.factory().create(first, current::get, null, metrics)) {
      delivery.dispatcher().dispatch(decision(first, event, 1));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> hook.verify(1, postRequestedFor(urlEqualTo("/old"))));

      ExporterConfig second = config("/new");
      current.set(second);
      delivery.dispatcher().dispatch(decision(second, event, 1));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> hook.verify(1, postRequestedFor(urlEqualTo("/new"))));
      hook.verify(1, postRequestedFor(urlEqualTo("/old")));
    }
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalTo(String value) {
    return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
  }
}
