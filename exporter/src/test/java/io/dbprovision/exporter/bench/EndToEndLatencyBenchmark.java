package io.dbprovision.exporter.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.dbprovision.api.ResourceKind;
import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.render.GoTemplateSyntax;
import io.dbprovision.exporter.runtime.ExporterProcess;
import io.dbprovision.exporter.runtime.ProcessSettings;
import io.dbprovision.exporter.runtime.QueuedDelivery;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latency: from the moment an Event is created on the (mock) API server to the moment
 * the webhook request for it arrives at WireMock, at a steady 50 Events/s. The exporter runs
 * through its real runtime ({@link ExporterProcess}: informers, pipeline, queued delivery with its
 * retry and pacing machinery) with a configuration file loaded as {@code run} loads it; both ends
 * are timed in this JVM with {@link System#nanoTime()}. Prints p50/p90/p99/max; asserts nothing
 * (target: p99 of 200 ms or less).
 *
 * <p>Run: {@code ./mvnw -B -o -pl exporter -am verify -Pbench -DskipTests -Dbench.only=latency}.
 */
public final class EndToEndLatencyBenchmark {
  private static final int RATE_PER_SECOND = 50;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURED = Duration.ofSeconds(30);
  private static final Pattern EVENT_NAME = Pattern.compile("\"event\"\\s*:\\s*\"([^\"]+)\"");

  private EndToEndLatencyBenchmark() {}

  /** Notes when each webhook request arrives, before WireMock matches it to a stub. */
  private static final class Arrivals implements ServeEventListener {
    final Map<String, Long> nanos = new ConcurrentHashMap<>();

    @Override
    public String getName() {
      return "arrivals";
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
      long now = System.nanoTime();
      Matcher name = EVENT_NAME.matcher(serveEvent.getRequest().getBodyAsString());
      if (name.find()) {
        nanos.putIfAbsent(name.group(1), now);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (!Benchmarks.selected("latency")) {
      return;
    }
    Benchmarks.quietMockApiServer();
    Arrivals arrivals = new Arrivals();
    WireMockServer webhook = new WireMockServer(options().dynamicPort().extensions(arrivals));
    webhook.start();
    webhook.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    Path dir = Files.createTempDirectory("exporter-latency-bench");
    try (MockKubernetes kubernetes = MockKubernetes.start();
        KubernetesClient exporterClient = kubernetes.newClient()) {
      String namespace = kubernetes.newNamespace("latency");
      Path file = dir.resolve("config.yaml");
      Files.writeString(
          file,
          """
          logLevel: warn
          namespace: %s
          route:
            routes:
              - match:
                  - receiver: hook
                    kind: "^Database$"
          receivers:
            - name: hook
              webhook:
                endpoint: "${HOOK_URL}"
                headers:
                  X-Reason: "{{ .Reason }}"
                layout:
                  event: "{{ .Name }}"
                  object: "{{ .InvolvedObject.Namespace }}/{{ .InvolvedObject.Name }}"
                  reason: "{{ .Reason }}"
                  message: "{{ .Message }}"
                  count: "{{ .Count }}"
          """
              .formatted(namespace));
      Map<String, String> environment = Map.of("HOOK_URL", webhook.baseUrl() + "/hook");
      ExporterConfig config =
          new ConfigLoader(environment::get, true, new GoTemplateSyntax()).load(file).config();
      System.out.printf(
          "EndToEndLatencyBenchmark: %d Events/s, %ds warm-up, %ds measured; Event created on"
              + " the mock API server -> webhook request at WireMock%n",
          RATE_PER_SECOND, WARM_UP.toSeconds(), MEASURED.toSeconds());
      ExporterProcess exporter =
          ExporterProcess.start(
              exporterClient,
              config,
              ProcessSettings.defaults("127.0.0.1:0", namespace, "latency-bench", "bench"),
              QueuedDelivery.factory(),
              Clock.systemUTC());
      try {
        int warmUp = (int) (WARM_UP.toSeconds() * RATE_PER_SECOND);
        int total = warmUp + (int) (MEASURED.toSeconds() * RATE_PER_SECOND);
        long[] created = createPaced(kubernetes.client(), namespace, total);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (arrivals.nanos.size() < total && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        long[] latencies = new long[total - warmUp];
        int missing = 0;
        for (int i = warmUp; i < total; i++) {
          Long arrived = arrivals.nanos.get(name(i));
          if (arrived == null) {
            missing++;
            latencies[i - warmUp] = Long.MAX_VALUE;
          } else {
            latencies[i - warmUp] = arrived - created[i];
          }
        }
        Arrays.sort(latencies);
        System.out.printf(
            "measured %d Events, %d without a webhook request within 10 s%n",
            latencies.length, missing);
        System.out.printf(
            "latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %s (target p99 <= 200 ms)%n",
            millis(percentile(latencies, 50)),
            millis(percentile(latencies, 90)),
            millis(percentile(latencies, 99)),
            latencies[latencies.length - 1] == Long.MAX_VALUE
                ? "lost"
                : String.format("%.1f ms", millis(latencies[latencies.length - 1])));
      } finally {
        exporter.close();
      }
    } finally {
      webhook.stop();
    }
  }

  /** Creates {@code total} Events, one every 1/RATE s; returns when each creation started. */
  private static long[] createPaced(KubernetesClient client, String namespace, int total)
      throws InterruptedException {
    long[] created = new long[total];
    long spacing = TimeUnit.SECONDS.toNanos(1) / RATE_PER_SECOND;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long wait = start + i * spacing - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String now = Instant.now().toString();
      created[i] = System.nanoTime();
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(name(i))
                  .withNamespace(namespace)
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withApiVersion(ResourceKind.API_VERSION)
                  .withKind(ResourceKind.DATABASE.kind())
                  .withNamespace(namespace)
                  .withName("orders-" + i % 20)
                  .endInvolvedObject()
                  .withReason("DriftDetected")
                  .withMessage("drift on orders-" + i % 20)
                  .withType("Warning")
                  .withCount(1)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withNewSource()
                  .withComponent("db-provision-operator")
                  .endSource()
                  .build())
          .create();
    }
    return created;
  }

  private static String name(int i) {
    return "orders.latency-" + i;
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(long nanos) {
    return nanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : nanos / 1e6;
  }
}
