package io.dbprovision.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's runnable jar in its own JVM, pointed at a mock API server, so that its CPU time
 * and resident memory can be read from {@code /proc} without the benchmark's own JVM (which hosts
 * the mock API server) in the figures.
 */
final class OperatorJarProcess implements AutoCloseable {
  /**
   * The chart's JVM flags for the operator with {@code -XX:MaxRAM} standing in for the container's
   * 512 MiB memory limit; {@code -Dbench.operator.jvm="..."} measures others.
   */
  static final String JVM_FLAGS =
      System.getProperty(
          "bench.operator.jvm",
          "-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:MaxRAM=512m");

  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final Path log;
  private final int metricsPort;
  private final int healthPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private OperatorJarProcess(Process process, Path log, int metricsPort, int healthPort) {
    this.process = process;
    this.log = log;
    this.metricsPort = metricsPort;
    this.healthPort = healthPort;
  }

  /** Starts the jar against {@code apiServer}, watching one namespace, and waits for /readyz. */
  static OperatorJarProcess start(
      Path jar, String apiServer, String namespace, String driftInterval)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run `./mvnw -pl operator/controller -am package -DskipTests` first");
    }
    int metricsPort = freePort();
    int healthPort = freePort();
    Path log = Files.createTempFile("operator-bench", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(JVM_FLAGS.trim().split("\\s+")));
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("KUBERNETES_MASTER", apiServer);
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    env.put("KUBERNETES_NAMESPACE", namespace);
    env.put("DBPROVISION_NAMESPACES", namespace);
    env.put("DBPROVISION_DEFAULT_DRIFT_INTERVAL", driftInterval);
    env.put("DBPROVISION_SERVER_SIDE_APPLY", "false");
    env.put("DBPROVISION_METRICS_ADDRESS", "127.0.0.1:" + metricsPort);
    env.put("DBPROVISION_HEALTH_ADDRESS", "127.0.0.1:" + healthPort);
    env.put("DBPROVISION_LOG_FORMAT", "text");
    OperatorJarProcess operator =
        new OperatorJarProcess(builder.start(), log, metricsPort, healthPort);
    operator.awaitReady(Duration.ofSeconds(60));
    return operator;
  }

  private void awaitReady(Duration patience) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("operator exited; its log:\n" + Files.readString(log));
      }
      try {
        if (get(healthPort, "/readyz").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("operator not ready after " + patience + "; its log: " + log);
  }

  /** CPU time (user + system) the process has used so far, in seconds. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    // Fields after the command name (which may contain spaces) start after the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / (double) CLOCK_TICKS_PER_SECOND;
  }

  /** Resident set size now, in bytes. */
  long rssBytes() throws IOException {
    return statusKilobytes("VmRSS:") * 1024;
  }

  /** Peak resident set size so far, in bytes. */
  long peakRssBytes() throws IOException {
    return statusKilobytes("VmHWM:") * 1024;
  }

  private long statusKilobytes(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException(field + " not in /proc status");
  }

  /** Sum of every sample of {@code family} whose label set contains {@code labelFragment}. */
  double metricSum(String family, String labelFragment) throws IOException, InterruptedException {
    double sum = 0;
    for (String line : get(metricsPort, "/metrics").body().split("\n")) {
      if (line.startsWith(family + "{") && line.contains(labelFragment)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
