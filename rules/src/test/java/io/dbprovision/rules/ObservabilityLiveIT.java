package io.dbprovision.rules;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The rules and dashboards proven against reality: the operator's and the exporter's runnable jars
 * run as processes against the mock API server, the real PostgreSQL and MariaDB and a WireMock
 * playing Slack and a webhook; a scenario makes the operator write Normal and Warning events; a
 * real Prometheus scrapes both processes (with the jobs the chart's ServiceMonitor sets) and
 * evaluates the rules of rules/. Then every metric and label the rules and dashboards use must have
 * been scraped, the metrics contract must match what was scraped, every dashboard query must return
 * data, and the alerts the scenario provokes must be pending or firing while the others are not.
 *
 * <p>The objects are created before the operator starts, so that the exporter's zero series of each
 * object are scraped before its first event: the alerts on {@code increase(...) > 0} then see first
 * occurrences (DatabaseResourceCreateFailed fires on the one CreateFailed of its database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityLiveIT {
  static final String OPERATOR_JOB = "db-provision-operator";
  static final String EXPORTER_JOB = "db-provision-exporter";

  /**
   * Metrics a scenario cannot produce yet, checked against the metrics contract instead of the
   * scrape. Empty: every metric of the contract is scraped. A metric listed here that is scraped
   * fails the test until it is removed.
   */
  static final Set<String> AWAITING_RECONCILERS = Set.of();

  /**
   * Dashboard queries that may return nothing in this scenario, by "file panel id", with why. Keep
   * it as small as possible: every other query must return data, and a query listed here that
   * returns data fails the test until it is removed (the awaiting ones once their reconcilers are
   * merged).
   */
  static final Map<String, String> MAY_BE_EMPTY =
      Map.ofEntries(
          // "> 0" tables of failures the scenario does not provoke (no backup fails today).
          Map.entry("backups.json panel 13", "lists failed backups and restores; none fail here"));

  /** Alerts the scenario provokes, each with labels an instance of it must carry. */
  private Map<String, Map<String, String>> expectedAlerts() {
    String ns = scenario.namespace();
    Map<String, Map<String, String>> alerts = new LinkedHashMap<>();
    alerts.put(
        "DatabaseConnectionFailed", Map.of("namespace", ns, "involved_object_name", "unreachable"));
    alerts.put(
        "DatabaseHealthCheckFailing", Map.of("namespace", ns, "involved_object_name", "maria"));
    alerts.put("DatabaseInstanceUnhealthy", Map.of("namespace", ns, "instance", "maria"));
    alerts.put(
        "DatabaseDriftDetected", Map.of("namespace", ns, "kind", "Database", "name", "orders"));
    alerts.put(
        "DatabaseDriftCorrectionFailed", Map.of("namespace", ns, "involved_object_name", "fixed"));
    alerts.put(
        "DatabaseResourceCreateFailed", Map.of("namespace", ns, "involved_object_name", "ghost"));
    alerts.put(
        "DatabaseResourceDeleteFailed",
        Map.of("namespace", ns, "involved_object_name", "template"));
    alerts.put(
        "DatabaseReconcileFailed", Map.of("namespace", ns, "involved_object_name", "nosecret"));
    return alerts;
  }

  /** Alerts nothing in the scenario provokes: both processes are up and deliver everything. */
  static final List<String> UNPROVOKED_ALERTS =
      List.of(
          "DbProvisionOperatorDown",
          "DbProvisionExporterDown",
          "DbProvisionExporterDeliveriesFailing",
          "DbProvisionExporterDeliveriesDropped",
          "DbProvisionExporterWatchErrors",
          "DbProvisionOperatorEventsDropped",
          "BackupFailed",
          "RestoreFailed",
          "RestoreDeadlineExceeded",
          "RestoreValidationFailed");

  private static final Path LOGS = AssetPaths.MODULE.resolve("target").resolve("live");
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LiveProcesses processes;
  private MockKubernetes kubernetes;
  private WireMockServer receivers;
  private LiveScenario scenario;
  private PrometheusServer prometheus;
  private Map<String, String> targets;
  private boolean failed;

  @RegisterExtension
  final TestWatcher dumpLogsOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          failed = true;
        }
      };

  @BeforeAll
  void runTheScenario() throws Exception {
    deleteRecursively(LOGS);
    processes = new LiveProcesses(LOGS);
    try {
      start();
    } catch (Throwable e) {
      failed = true;
      throw e;
    }
  }

  private void start() throws Exception {
    DatabaseServer postgres = RealDatabases.server(TestServer.POSTGRES);
    DatabaseServer mariadb = RealDatabases.server(TestServer.MARIADB);
    kubernetes = MockKubernetes.start();
    receivers = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    receivers.start();
    receivers.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));

    int operatorMetrics = freePort();
    int operatorHealth = freePort();
    int exporterMetrics = freePort();
    int prometheusPort = freePort();
    String namespace = kubernetes.newNamespace("live");

    targets =
        Map.of(
            OPERATOR_JOB, "127.0.0.1:" + operatorMetrics,
            EXPORTER_JOB, "127.0.0.1:" + exporterMetrics);
    startExporter(exporterMetrics, namespace);
    prometheus =
        PrometheusServer.start(
            processes, LOGS.resolve("prometheus"), prometheusPort, targets, ruleFiles());
    awaitHttpOk(exporterMetrics, "/readyz");
    await().atMost(LiveScenario.PATIENCE).until(prometheus::isReady);

    scenario =
        LiveScenario.create(
            kubernetes.client(), namespace, postgres, mariadb, freePort(), "live-" + namespace);
    awaitZeroSeriesScraped(scenario.operatorObjects());

    startOperator(operatorMetrics, operatorHealth, namespace);
    awaitHttpOk(operatorHealth, "/readyz");
    scenario.awaitReady();
    scenario.changeBehindTheOperatorsBack();
    scenario.awaitExpectedEvents();
    awaitExpectedEventsCounted();
  }

  private void startExporter(int metricsPort, String namespace) throws IOException {
    Path config = LOGS.resolve("exporter.yaml");
    Files.createDirectories(LOGS);
    Files.writeString(
        config,
        """
        logLevel: info
        logFormat: json
        maxEventAgeSeconds: 5
        route:
          routes:
            - match:
                - receiver: slack
              drop:
                - type: Normal
            - match:
                - receiver: webhook
        receivers:
          - name: slack
            slack:
              endpoint: "%1$s/services/T0/B0/live"
              message: "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}"
          - name: webhook
            webhook:
              endpoint: "%1$s/events"
        """
            .formatted(receivers.baseUrl()));
    processes.start(
        "exporter",
        javaJar(
            jar("exporter.jar"),
            "run",
            "--config",
            config.toString(),
            "--metrics-address",
            "127.0.0.1:" + metricsPort),
        Map.of(
            "KUBERNETES_MASTER", kubernetes.url(),
            "KUBERNETES_AUTH_TRYKUBECONFIG", "false",
            "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false",
            "POD_NAMESPACE", namespace,
            "POD_NAME", "exporter-live-0"));
  }

  private void startOperator(int metricsPort, int healthPort, String namespace) throws IOException {
    processes.start(
        "operator",
        javaJar(jar("operator.jar")),
        Map.of(
            "KUBERNETES_MASTER",
            kubernetes.url(),
            "KUBERNETES_AUTH_TRYKUBECONFIG",
            "false",
            "KUBERNETES_AUTH_TRYSERVICEACCOUNT",
            "false",
            "DBPROVISION_METRICS_ADDRESS",
            "127.0.0.1:" + metricsPort,
            "DBPROVISION_HEALTH_ADDRESS",
            "127.0.0.1:" + healthPort,
            // The mock API server answers server-side apply with 415 (see JosdkOnMock).
            "DBPROVISION_SERVER_SIDE_APPLY",
            "false",
            "DBPROVISION_NAMESPACES",
            namespace,
            // The scenario's backups use the PVC "backups": its mount, as the chart would make it.
            "DBPROVISION_BACKUP_VOLUMES",
            backupVolumes().toString(),
            "HOSTNAME",
            "operator-live-0"));
  }

  /** Where the operator finds the scenario's PVC {@code backups} mounted. */
  private static Path backupVolumes() throws IOException {
    Path volumes = LOGS.resolve("backup-volumes");
    Files.createDirectories(volumes.resolve("backups"));
    return volumes;
  }

  /** The plain rule groups of rules/*.yaml, as promtool checks them (not the seed's example). */
  private static List<Path> ruleFiles() {
    Path dir = LOGS.resolve("rule-groups");
    return RuleGroupFiles.projectManifests().stream().map(m -> m.writeRuleGroups(dir)).toList();
  }

  /**
   * Waits until Prometheus has scraped the exporter's zero series of every operator object, so that
   * each object's first event is an increase Prometheus can see.
   */
  private void awaitZeroSeriesScraped(List<HasMetadata> objects) {
    String query =
        "count(count by (involved_object_kind, involved_object_name) (dbprovision_events_total{namespace=\""
            + scenario.namespace()
            + "\"}))";
    await()
        .atMost(LiveScenario.PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> singleValue(prometheus.query(query)).orElse(0.0) == objects.size());
  }

  /** Waits until Prometheus has counted every expected event of the scenario. */
  private void awaitExpectedEventsCounted() {
    await()
        .atMost(LiveScenario.PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> assertThat(uncountedEvents()).as("events not counted by Prometheus").isEmpty());
  }

  private List<LiveScenario.ExpectedEvent> uncountedEvents() {
    List<LiveScenario.ExpectedEvent> uncounted = new ArrayList<>();
    for (LiveScenario.ExpectedEvent event : LiveScenario.EXPECTED_EVENTS) {
      String query =
          "dbprovision_events_total{job=\"%s\", namespace=\"%s\", involved_object_kind=\"%s\", involved_object_name=\"%s\", reason=\"%s\"} > 0"
              .formatted(
                  EXPORTER_JOB, scenario.namespace(), event.kind(), event.name(), event.reason());
      if (prometheus.query(query).isEmpty()) {
        uncounted.add(event);
      }
    }
    return uncounted;
  }

  @Test
  void everyMetricAndLabelOfTheRulesAndDashboardsWasScraped() {
    ScrapedMetrics scraped = scraped();
    ProjectMetrics contract = ProjectMetrics.load();
    assertThat(AWAITING_RECONCILERS.stream().filter(m -> scraped.family(m).isPresent()))
        .as("now scraped: remove them from AWAITING_RECONCILERS")
        .isEmpty();
    List<ProjectMetrics.Metric> awaited =
        AWAITING_RECONCILERS.stream().map(m -> contract.family(m).orElseThrow()).toList();
    ReferenceCheck check = new ReferenceCheck(scraped.asProjectMetrics(awaited), recordedSeries());

    List<String> problems = new ArrayList<>();
    for (AssetExpression expression : AssetExpression.inRulesAndDashboards()) {
      check.problemsOf(expression).forEach(p -> problems.add(expression + ": " + p));
    }

    assertThat(problems).as("references to what the processes do not expose").isEmpty();
  }

  @Test
  void theMetricsContractMatchesWhatWasScraped() {
    ScrapedMetrics scraped = scraped();
    ProjectMetrics contract = ProjectMetrics.load();
    List<String> problems = new ArrayList<>();
    for (ProjectMetrics.Metric metric : contract.all()) {
      Optional<ScrapedMetrics.Family> family = scraped.family(metric.name());
      if (family.isEmpty()) {
        if (!AWAITING_RECONCILERS.contains(metric.name())) {
          problems.add(metric.name() + ": in metrics.tsv but not scraped");
        }
        continue;
      }
      problems.addAll(differences(metric, family.get()));
    }
    for (String name : scraped.names()) {
      boolean ours = name.startsWith("dbprovision_") || name.equals("kubernetes_events_total");
      if (ours && contract.family(name).isEmpty()) {
        problems.add(name + ": scraped but missing from metrics.tsv");
      }
    }

    assertThat(problems).as("metrics.tsv against the scrape").isEmpty();
  }

  private static List<String> differences(
      ProjectMetrics.Metric metric, ScrapedMetrics.Family family) {
    List<String> problems = new ArrayList<>();
    String name = metric.name();
    if (!metric.source().equals("prometheus")) {
      String job = metric.source().equals("operator") ? OPERATOR_JOB : EXPORTER_JOB;
      if (!family.jobs().equals(Set.of(job))) {
        problems.add(name + ": expected from " + job + " only, scraped from " + family.jobs());
      }
      if (!sameType(metric.type(), family.type())) {
        problems.add(
            name + ": metrics.tsv says " + metric.type() + ", exposed as " + family.type());
      }
    }
    Set<String> expected = new TreeSet<>(metric.labels().keySet());
    if (metric.source().equals("prometheus")) {
      // Prometheus' own series (up) carry only the scrape's labels.
      expected.removeAll(ProjectMetrics.TARGET_LABELS);
    }
    if (!expected.equals(family.labels().keySet())) {
      problems.add(
          name + ": metrics.tsv labels " + expected + ", scraped " + family.labels().keySet());
    }
    metric
        .labels()
        .forEach(
            (label, allowed) -> {
              Set<String> seen = family.labels().getOrDefault(label, Set.of());
              if (!allowed.isEmpty() && !allowed.containsAll(seen)) {
                problems.add(
                    name + ": " + label + " took " + seen + ", metrics.tsv allows " + allowed);
              }
            });
    return problems;
  }

  /** An info metric is a gauge of value 1 in the Prometheus text format metrics.tsv describes. */
  private static boolean sameType(String contract, String scraped) {
    return contract.equals(scraped) || (contract.equals("gauge") && scraped.equals("info"));
  }

  @Test
  void everyDashboardQueryReturnsDataForTheScenario() {
    Map<String, String> variables =
        Map.of(
            "namespace", scenario.namespace(),
            // Short enough for the minute the scenario has run, long enough for 1s scrapes.
            "__rate_interval", "1m",
            "__interval", "15s",
            "__range", "5m");
    List<String> problems = new ArrayList<>();
    Set<String> allowedEmptyButNot = new TreeSet<>();
    for (Path file : AssetPaths.dashboards()) {
      for (GrafanaDashboard.Query query : GrafanaDashboard.read(file).queries()) {
        String promql = GrafanaDashboard.withVariablesResolved(query.expr(), variables);
        Optional<String> allowance = mayBeEmpty(query);
        boolean empty;
        try {
          empty =
              query.valuesOfLabel() == null
                  ? prometheus.query(promql).isEmpty()
                  : prometheus.labelValues(query.valuesOfLabel(), promql).isEmpty();
        } catch (PrometheusServer.PrometheusError e) {
          problems.add(query + ": " + e.getMessage());
          continue;
        }
        if (empty && allowance.isEmpty()) {
          problems.add(query + ": no data for " + promql);
        }
        if (!empty && allowance.isPresent()) {
          allowedEmptyButNot.add(query.where());
        }
      }
    }

    assertThat(problems).as("dashboard queries").isEmpty();
    assertThat(allowedEmptyButNot)
        .as("returned data although MAY_BE_EMPTY lists them: remove them from it")
        .isEmpty();
  }

  private static Optional<String> mayBeEmpty(GrafanaDashboard.Query query) {
    return MAY_BE_EMPTY.entrySet().stream()
        .filter(e -> query.where().startsWith(e.getKey() + " "))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  @Test
  void everyRuleEvaluatesWithoutError() {
    List<String> unhealthy = new ArrayList<>();
    int rules = 0;
    for (JsonNode group : prometheus.rules()) {
      for (JsonNode rule : group.path("rules")) {
        rules++;
        if (!rule.path("health").asText().equals("ok")) {
          unhealthy.add(
              rule.path("name").asText()
                  + " "
                  + rule.path("health").asText()
                  + ": "
                  + rule.path("lastError").asText());
        }
      }
    }

    assertThat(rules).isEqualTo(RuleGroupFiles.projectRules().size());
    assertThat(unhealthy).isEmpty();
  }

  @Test
  void theProvokedAlertsArePendingOrFiringAndNoOthers() {
    Map<String, Map<String, String>> expected = expectedAlerts();
    await()
        .atMost(LiveScenario.PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<JsonNode> active = prometheus.activeAlerts();
              List<String> missing =
                  expected.entrySet().stream()
                      .filter(e -> active.stream().noneMatch(a -> isInstanceOf(a, e)))
                      .map(e -> e.getKey() + e.getValue())
                      .toList();
              assertThat(missing).as("expected alerts not pending or firing").isEmpty();
            });
    // The database with the missing owner failed once (a permanent failure is not retried), so
    // DatabaseResourceCreateFailed saw the first and only occurrence: increase() needs the zero
    // the exporter exposed before it, or a new series starting at 1 would hide it.
    assertThat(
            singleValue(
                prometheus.query(
                    "dbprovision_events_total{namespace=\"%s\", involved_object_name=\"ghost\", reason=\"CreateFailed\"}"
                        .formatted(scenario.namespace()))))
        .as("occurrences of CreateFailed for Database ghost")
        .contains(1.0);

    List<String> unprovoked =
        prometheus.activeAlerts().stream()
            .filter(a -> UNPROVOKED_ALERTS.contains(a.path("labels").path("alertname").asText()))
            .map(a -> a.path("labels").toString() + " " + a.path("state").asText())
            .toList();
    assertThat(unprovoked).as("alerts the scenario does not provoke").isEmpty();
  }

  private static boolean isInstanceOf(JsonNode alert, Map.Entry<String, Map<String, String>> want) {
    JsonNode labels = alert.path("labels");
    String state = alert.path("state").asText();
    return labels.path("alertname").asText().equals(want.getKey())
        && (state.equals("pending") || state.equals("firing"))
        && want.getValue().entrySet().stream()
            .allMatch(l -> labels.path(l.getKey()).asText().equals(l.getValue()));
  }

  @AfterAll
  void stopEverything() throws Exception {
    try {
      if (failed) {
        System.err.println(
            "ObservabilityLiveIT failed; process logs (also under "
                + LOGS
                + "):"
                + processes.logs());
      }
    } finally {
      processes.close();
      try {
        if (scenario != null) {
          scenario.close();
        }
      } finally {
        if (receivers != null) {
          receivers.stop();
        }
        if (kubernetes != null) {
          kubernetes.close();
        }
      }
    }
  }

  private ScrapedMetrics scraped() {
    return ScrapedMetrics.from(
        prometheus, "{job=~\"" + OPERATOR_JOB + "|" + EXPORTER_JOB + "\"}", targets);
  }

  private static Set<String> recordedSeries() {
    return RuleGroupFiles.projectRules().stream()
        .filter(r -> !r.isAlert())
        .map(Rule::record)
        .collect(Collectors.toSet());
  }

  private static Optional<Double> singleValue(JsonNode vector) {
    return vector.size() == 1
        ? Optional.of(vector.get(0).path("value").get(1).asDouble())
        : Optional.empty();
  }

  private static Path jar(String property) {
    Path jar = Path.of(System.getProperty(property, "(the failsafe property " + property + ")"));
    assertThat(jar).as("runnable jar; package the operator and the exporter first").exists();
    return jar;
  }

  /** java -jar with flags that keep a small process small on a shared machine. */
  private static List<String> javaJar(Path jar, String... args) {
    return Stream.concat(
            Stream.of(
                JAVA,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-jar",
                jar.toString()),
            Stream.of(args))
        .toList();
  }

  private void awaitHttpOk(int port, String path) {
    await()
        .atMost(LiveScenario.PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> status(port, path) == 200);
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
