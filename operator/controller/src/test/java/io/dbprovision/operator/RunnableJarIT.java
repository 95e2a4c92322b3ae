package io.dbprovision.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbprovision.operator.testing.Http;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar db-provision-operator.jar}, as the container runs it, against the mock API. */
class RunnableJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("operator.jar", "target/db-provision-operator.jar"));
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  private Process run(Map<String, String> env, Path output) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("DBPROVISION_") || k.startsWith("KUBERNETES_"));
    builder.environment().put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    builder.environment().put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    return builder.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void servesProbesAndMetricsLogsJsonAndStopsOnSigterm() throws Exception {
    assertThat(JAR).exists();
    int health = freePort();
    int metrics = freePort();
    Path output = dir.resolve("operator.log");
    try (MockKubernetes kubernetes = MockKubernetes.start()) {
      Process operator =
          run(
              Map.of(
                  "KUBERNETES_MASTER",
                  kubernetes.url(),
                  "DBPROVISION_HEALTH_ADDRESS",
                  "127.0.0.1:" + health,
                  "DBPROVISION_METRICS_ADDRESS",
                  "127.0.0.1:" + metrics,
                  "DBPROVISION_SERVER_SIDE_APPLY",
                  "false",
                  "DBPROVISION_LOG_FORMAT",
                  "json",
                  "HOSTNAME",
                  "operator-it-0"),
              output);
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> Http.get(health, "/readyz").statusCode() == 200);
        assertThat(Http.get(health, "/healthz").statusCode()).isEqualTo(200);
        assertThat(Http.get(metrics, "/metrics").body()).contains("dbprovision_reconcile_total");
      } finally {
        operator.destroy();
        assertThat(operator.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }

    List<String> lines = Files.readAllLines(output);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records =
        lines.stream()
            .map(
                line -> {
                  try {
                    return json.readTree(line);
                  } catch (IOException e) {
                    throw new AssertionError("not a JSON log line: " + line, e);
                  }
                })
            .toList();
    assertThat(records)
        .anySatisfy(
            r ->
                assertThat(r.get("formattedMessage").asText())
                    .startsWith("Operator started as operator-it-0"))
        .anySatisfy(
            r -> assertThat(r.get("formattedMessage").asText()).isEqualTo("Operator stopping"));
  }

  @Test
  void exitsWithStatus2NamingEveryBadVariable() throws Exception {
    Path output = dir.resolve("bad.log");
    Process operator =
        run(
            Map.of(
                "DBPROVISION_METRICS_ADDRESS", "metrics",
                "DBPROVISION_DEFAULT_DRIFT_INTERVAL", "weekly"),
            output);

    assertThat(operator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(operator.exitValue()).isEqualTo(2);
    assertThat(Files.readString(output))
        .contains("DBPROVISION_METRICS_ADDRESS: expected [host]:port, got 'metrics'")
        .contains("DBPROVISION_DEFAULT_DRIFT_INTERVAL: expected a duration");
  }
}
