package io.dbprovision.exporter.bench;

import io.dbprovision.testkit.kubernetes.MockKubernetes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Time to ready and idle memory of the runnable jar: each run starts a fresh JVM with the chart's
 * flags and memory limit and the chart's default configuration (every Warning to a Slack webhook),
 * against the mock API server (the operator's CRDs installed, no Events). Time to ready runs from
 * starting the process to {@code /readyz} answering 200 (JVM start, config load, informers synced);
 * idle RSS is read from {@code /proc} after the process has sat idle. Prints figures; asserts
 * nothing (targets of EXPORTER.md: ready in 3 s or less, idle RSS 128 MiB or less).
 *
 * <p>Run: {@code ./mvnw -B -o -pl exporter -am verify -Pbench -DskipTests} (all benchmarks), or
 * this one only: add {@code -Dbench.only=startup}.
 */
public final class StartupBenchmark {
  private static final int RUNS = 3;
  private static final Duration IDLE = Duration.ofSeconds(20);

  /** The chart's default {@code exporter.config}. */
  private static final String CHART_CONFIG =
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
      receivers:
        - name: slack
          slack:
            endpoint: "${SLACK_WEBHOOK_URL}"
            channel: "#db-alerts"
            message: |
              {{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}
              {{ .Message }}
      """;

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (!Benchmarks.selected("startup")) {
      return;
    }
    Benchmarks.quietMockApiServer();
    Path dir = Files.createTempDirectory("exporter-startup-bench");
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, CHART_CONFIG);
    System.out.printf(
        "StartupBenchmark: %d runs of java -jar db-provision-exporter.jar, JAVA_TOOL_OPTIONS=\"%s"
            + " -XX:MaxRAM=%s\", idle %ds; output in %s%n",
        RUNS,
        ExporterJvm.CHART_JAVA_TOOL_OPTIONS,
        ExporterJvm.CHART_MEMORY_LIMIT,
        IDLE.toSeconds(),
        dir);
    try (MockKubernetes kubernetes = MockKubernetes.start()) {
      String namespace = kubernetes.newNamespace("startup");
      for (int run = 1; run <= RUNS; run++) {
        Path runDir = Files.createDirectories(dir.resolve("run-" + run));
        try (ExporterJvm exporter =
            ExporterJvm.start(
                runDir,
                kubernetes.url(),
                namespace,
                config,
                Map.of("SLACK_WEBHOOK_URL", "http://127.0.0.1:9/services/T0/B0/bench"))) {
          Duration ready = exporter.awaitReady(Duration.ofSeconds(60));
          long rssAtReady = exporter.rssKiB();
          Thread.sleep(IDLE.toMillis());
          System.out.printf(
              "run %d: ready after %5d ms; RSS at ready %6.1f MiB, after %ds idle %6.1f MiB,"
                  + " peak %6.1f MiB%n",
              run,
              ready.toMillis(),
              rssAtReady / 1024.0,
              IDLE.toSeconds(),
              exporter.rssKiB() / 1024.0,
              exporter.peakRssKiB() / 1024.0);
        }
      }
    }
    System.out.println("targets: ready <= 3000 ms, idle RSS <= 128 MiB");
  }
}
