package io.dbprovision.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real Prometheus server (the Debian package's {@code /usr/bin/prometheus}, or {@code
 * $PROMETHEUS}) on loopback with its own storage, scraping fixed targets by job and evaluating rule
 * files every second; and a client of its HTTP API. A missing binary fails the test: it never
 * skips.
 */
final class PrometheusServer {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  private PrometheusServer(int port) {
    this.port = port;
  }

  /**
   * Writes the configuration and starts the server.
   *
   * @param targets job name to the {@code host:port} of its one target
   */
  static PrometheusServer start(
      LiveProcesses processes, Path dir, int port, Map<String, String> targets, List<Path> rules) {
    Path config = dir.resolve("prometheus.yml");
    try {
      Files.createDirectories(dir);
      new YAMLMapper().writeValue(config.toFile(), configuration(targets, rules));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
    processes.start(
        "prometheus",
        List.of(
            binary().toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn"),
        Map.of());
    return new PrometheusServer(port);
  }

  private static Path binary() {
    String configured = System.getenv("PROMETHEUS");
    Path binary =
        configured == null || configured.isBlank() ? DEBIAN_BINARY : Path.of(configured.strip());
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(
          binary
              + " is not installed: the rules and dashboards cannot be proven against a real"
              + " Prometheus. Install the Debian package 'prometheus' (.ci/run does this) or set"
              + " PROMETHEUS to the prometheus binary.");
    }
    return binary;
  }

  private static ObjectNode configuration(Map<String, String> targets, List<Path> rules) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putObject("global")
        .put("scrape_interval", INTERVAL.toSeconds() + "s")
        .put("scrape_timeout", INTERVAL.toSeconds() + "s")
        .put("evaluation_interval", INTERVAL.toSeconds() + "s");
    ArrayNode ruleFiles = root.putArray("rule_files");
    rules.forEach(r -> ruleFiles.add(r.toString()));
    ArrayNode scrapes = root.putArray("scrape_configs");
    targets.forEach(
        (job, target) ->
            scrapes
                .addObject()
                .put("job_name", job)
                // As the chart's ServiceMonitor (honorLabels): the metrics' own namespace and
                // instance labels are the objects', and the rules and dashboards use them.
                .put("honor_labels", true)
                .putArray("static_configs")
                .addObject()
                .putArray("targets")
                .add(target));
    return root;
  }

  /** Whether the server answers its readiness endpoint. */
  boolean isReady() {
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** The targets' health by job: {@code up}, {@code down} or {@code unknown}. */
  Map<String, String> targetHealth() {
    Map<String, String> health = new TreeMap<>();
    for (JsonNode target : data("/api/v1/targets", Map.of()).path("activeTargets")) {
      health.put(target.path("labels").path("job").asText(), target.path("health").asText());
    }
    return health;
  }

  /** An instant query at the current time: the result's vector (empty when nothing matched). */
  JsonNode query(String promql) {
    JsonNode data = data("/api/v1/query", Map.of("query", promql));
    return data.path("result");
  }

  /** Every series matching the selector, each as its label set (with {@code __name__}). */
  List<JsonNode> series(String selector) {
    List<JsonNode> series = new ArrayList<>();
    data("/api/v1/series", Map.of("match[]", selector)).forEach(series::add);
    return series;
  }

  /** The values of a label among the series that match the selector. */
  List<String> labelValues(String label, String selector) {
    List<String> values = new ArrayList<>();
    data("/api/v1/label/" + label + "/values", Map.of("match[]", selector))
        .forEach(v -> values.add(v.asText()));
    return values;
  }

  /** The metric metadata the targets exposed: family name to its entries (type, help, unit). */
  JsonNode metadata() {
    return data("/api/v1/metadata", Map.of());
  }

  /** The alerts that are pending or firing now. */
  List<JsonNode> activeAlerts() {
    List<JsonNode> alerts = new ArrayList<>();
    data("/api/v1/alerts", Map.of()).path("alerts").forEach(alerts::add);
    return alerts;
  }

  /** The rule groups Prometheus loaded, with each rule's health and last error. */
  JsonNode rules() {
    return data("/api/v1/rules", Map.of()).path("groups");
  }

  private JsonNode data(String path, Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (k, v) ->
            query
                .append(query.length() == 0 ? "?" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> response = get(path + query);
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(path + ": not JSON: " + response.body(), e);
    }
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new PrometheusError(
          path + query + " answered " + response.statusCode() + ": " + body.path("error").asText());
    }
    return body.path("data");
  }

  private HttpResponse<String> get(String pathAndQuery) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Prometheus refused a request, for example a query that does not parse. */
  static final class PrometheusError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PrometheusError(String message) {
      super(message);
    }
  }
}
