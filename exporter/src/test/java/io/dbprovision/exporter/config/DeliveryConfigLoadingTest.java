package io.dbprovision.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryConfigLoadingTest {
  private static final String RECEIVERS =
      """
      route:
        routes:
          - match:
              - receiver: slack
              - receiver: hook
              - receiver: quiet
      receivers:
        - name: slack
          slack:
            endpoint: https://hooks.slack.example/services/T/B/x
        - name: hook
          webhook:
            endpoint: https://alerts.example/in
        - name: quiet
          notify:
            cooldown: 10m
          webhook:
            endpoint: https://alerts.example/in
      """;

  private static ExporterConfig load(String yaml) throws InvalidConfigException {
    return new ConfigLoader(Map.<String, String>of()::get, true).parse(yaml, "test.yaml").config();
  }

  @Test
  void defaultsToACooldownOfFiveMinutesForSlackAndEveryForOthers() throws Exception {
    ExporterConfig config = load(RECEIVERS);
    assertThat(config.receiver("slack").orElseThrow().notifyPolicy())
        .isEqualTo(NotifyConfig.cooldown(Duration.ofMinutes(5)));
    assertThat(config.receiver("hook").orElseThrow().notifyPolicy())
        .isEqualTo(NotifyConfig.every());
    assertThat(config.receiver("quiet").orElseThrow().notifyPolicy())
        .isEqualTo(NotifyConfig.cooldown(Duration.ofMinutes(10)));
    assertThat(config.delivery()).isEqualTo(DeliveryConfig.defaults());
  }

  @Test
  void readsNotifyWordsAndDeliverySettings() throws Exception {
    ExporterConfig config =
        load(
            RECEIVERS.replace("notify:\n      cooldown: 10m", "notify: first")
                + """
                delivery:
                  queueCapacity: 50
                  digestThreshold: 5
                  connectTimeout: 2s
                  requestTimeout: 3s
                  maxAttempts: 3
                  initialBackoff: 500ms
                  maxBackoff: 30s
                  maxRetryAfter: 2m
                  slackInterval: 1s
                  drainTimeout: 15s
                """);
    assertThat(config.receiver("quiet").orElseThrow().notifyPolicy().mode())
        .isEqualTo(NotifyConfig.Mode.FIRST);
    assertThat(config.delivery())
        .isEqualTo(
            new DeliveryConfig(
                50,
                5,
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(15)));
  }

  @Test
  void reportsBadNotifyAndDeliveryValuesWithTheirPaths() {
    assertThatThrownBy(
            () ->
                load(
                    RECEIVERS.replace("cooldown: 10m", "cooldown: soon")
                        + "delivery:\n  maxAttempts: 0\n  requestTimeout: fast\n"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("receivers[2].notify.cooldown")
        .hasMessageContaining("delivery.maxAttempts: must be greater than 0")
        .hasMessageContaining("delivery.requestTimeout: must be a duration");
  }
}
