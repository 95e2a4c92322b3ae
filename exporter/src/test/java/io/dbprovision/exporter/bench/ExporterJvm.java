package io.dbprovision.exporter.bench;

import io.dbprovision.exporter.metrics.Scrape;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar in its own JVM, started as the chart starts the container: the chart's {@code
 * JAVA_TOOL_OPTIONS}, plus {@code -XX:MaxRAM} standing in for the container's memory limit (which
 * is what {@code MaxRAMPercentage} reads inside a container). Memory figures are the process's
 * resident set read from {@code /proc/<pid>/status} (heap, metaspace, code cache, thread stacks and
 * the JVM's own allocations: what the container limit is checked against).
 */
final class ExporterJvm implements AutoCloseable {
  /**
   * {@code exporter.javaToolOptions} of the chart's values.yaml; {@code
   * -Dbench.exporter.javaToolOptions} measures other flags before they go into the chart.
   */
  static final String CHART_JAVA_TOOL_OPTIONS =
      System.getProperty(
          "bench.exporter.javaToolOptions",
          "-XX:+UseSerialGC -XX:MaxRAMPercentage=70 -Xss512k -XX:TieredStopAtLevel=1"
              + " -XX:ReservedCodeCacheSize=32m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData");

  /** {@code exporter.resources.limits.memory} of the chart's values.yaml. */
  static final String CHART_MEMORY_LIMIT = "256m";

  private final Process process;
  private final int port;
  private final long startedNanos;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ExporterJvm(Process process, int port, long startedNanos, Path log) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
    this.log = log;
  }

  /**
   * Starts {@code java -jar db-provision-exporter.jar run} against an API server.
   *
   * @param dir where the kubeconfig and the process's output go
   * @param environment extra variables (for example what the config's {@code ${VAR}} refer to)
   */
  static ExporterJvm start(
      Path dir, String apiServerUrl, String namespace, Path config, Map<String, String> environment)
      throws IOException {
    String jar = System.getProperty("exporter.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "system property exporter.jar must name the packaged jar (run through -Pbench): " + jar);
    }
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
        contexts:
          - name: mock
            context:
              cluster: mock
              user: bench
              namespace: %s
        current-context: mock
        users:
          - name: bench
            user:
              token: bench
        """
            .formatted(apiServerUrl, namespace));
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar, "run"));
    command.addAll(List.of("--config", config.toString()));
    command.addAll(List.of("--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of("--metrics-address", "127.0.0.1:" + port));
    Path log = dir.resolve("exporter.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder
        .environment()
        .put("JAVA_TOOL_OPTIONS", CHART_JAVA_TOOL_OPTIONS + " -XX:MaxRAM=" + CHART_MEMORY_LIMIT);
    builder.environment().put("POD_NAMESPACE", namespace);
    builder.environment().put("POD_NAME", "exporter-bench");
    long started = System.nanoTime();
    return new ExporterJvm(builder.start(), port, started, log);
  }

  /** Waits for {@code /readyz} to answer 200; returns the time since the process was started. */
  Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest readyz =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
            .timeout(Duration.ofSeconds(1))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the exporter exited with " + process.exitValue() + "; its output: " + log);
      }
      try {
        if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notListeningYet) {
        // The JVM is still starting.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("not ready within " + timeout + "; its output: " + log);
  }

  Scrape scrape() throws IOException, InterruptedException {
    return Scrape.of(port);
  }

  /** The resident set now, in KiB ({@code VmRSS}). */
  long rssKiB() throws IOException {
    return status("VmRSS:");
  }

  /** The largest resident set so far, in KiB ({@code VmHWM}, the kernel's high-water mark). */
  long peakRssKiB() throws IOException {
    return status("VmHWM:");
  }

  Path log() {
    return log;
  }

  private long status(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
      }
    }
    throw new IOException(field + " not in /proc/" + process.pid() + "/status");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops it as Kubernetes does (SIGTERM, then SIGKILL after a grace period). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
