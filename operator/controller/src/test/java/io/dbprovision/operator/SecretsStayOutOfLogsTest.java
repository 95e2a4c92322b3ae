package io.dbprovision.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.operator.config.InvalidConfigException;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.events.EventCorrelator;
import io.dbprovision.operator.events.EventRecorder;
import io.dbprovision.operator.events.KubernetesEventSink;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.testing.Scrape;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The configuration and event paths log what happened, never a secret: not the values of unknown
 * variables, not the API token or password of the Kubernetes client, not event messages (which
 * carry server error text).
 */
class SecretsStayOutOfLogsTest {
  private static final String PASSWORD = "Tr0ub4dor-and-3";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.sekret-token";
  private static final String WEBHOOK = "https://hooks.example.com/services/T000/B000/XXXXsecret";

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger root;

  @BeforeEach
  void capture() {
    root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void release() {
    root.detachAppender(captured);
  }

  private String logged() {
    return captured.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void configurationLogsUnknownVariablesByNameOnly() {
    Map<String, String> env =
        Map.of(
            "DBPROVISION_ADMIN_PASSWORD", PASSWORD,
            "DBPROVISION_SLACK_WEBHOOK", WEBHOOK,
            "DBPROVISION_NAMESPACES", "shop");

    Main.configure(env, List.of());

    assertThat(logged())
        .contains("DBPROVISION_ADMIN_PASSWORD", "DBPROVISION_SLACK_WEBHOOK", "Configuration:")
        .doesNotContain(PASSWORD, WEBHOOK);
  }

  @Test
  void configurationErrorsDoNotEchoUnrelatedValues() {
    Map<String, String> env =
        Map.of("DBPROVISION_ADMIN_PASSWORD", PASSWORD, "DBPROVISION_LEADER_ELECTION", "perhaps");

    assertThatThrownBy(() -> Main.configure(env, List.of()))
        .isInstanceOf(InvalidConfigException.class)
        .message()
        .doesNotContain(PASSWORD);
    assertThat(logged()).contains("DBPROVISION_LEADER_ELECTION").doesNotContain(PASSWORD);
  }

  @Test
  void failedEventWritesLogNeitherCredentialsNorMessages() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + closedPort)
            .withOauthToken(TOKEN)
            .withUsername("admin")
            .withPassword(PASSWORD)
            .withRequestRetryBackoffLimit(0)
            .build();
    PrometheusRegistry registry = new PrometheusRegistry();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      EventRecorder recorder =
          new EventRecorder(
                  new KubernetesEventSink(client, OperatorConfig.COMPONENT, "operator-0"),
                  new EventCorrelator(Clock.systemUTC()),
                  new OperatorMetrics(registry),
                  Clock.systemUTC(),
                  10,
                  new EventRecorder.Retry(2, Duration.ZERO))
              .start();
      DatabaseUser user = new DatabaseUser();
      user.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("app").build());

      recorder.record(
          user, CatalogEvent.USER_CREATE_FAILED, "server said: password " + PASSWORD + " rejected");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Scrape.of(registry)
                          .get(
                              "dbprovision_operator_events_total",
                              "kind",
                              "DatabaseUser",
                              "reason",
                              "CreateFailed",
                              "type",
                              "Warning",
                              "outcome",
                              "dropped")
                      == 1);
      recorder.close();
    }

    assertThat(logged()).contains("not written after 2 attempt(s)").doesNotContain(TOKEN, PASSWORD);
  }
}
