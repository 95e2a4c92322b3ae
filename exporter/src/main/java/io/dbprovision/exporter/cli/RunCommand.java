package io.dbprovision.exporter.cli;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ConfigWatcher;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.LoadedConfig;
import io.dbprovision.exporter.kube.RequestRateLimiter;
import io.dbprovision.exporter.metrics.MetricsServer;
import io.dbprovision.exporter.render.GoTemplateSyntax;
import io.dbprovision.exporter.runtime.DeliveryFactory;
import io.dbprovision.exporter.runtime.ExporterProcess;
import io.dbprovision.exporter.runtime.ProcessSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Watches Events, counts them on /metrics and routes them to the configured receivers"
          + " (the default command).",
      "Serves /metrics, /healthz and /readyz on the metrics address. Reloads the configuration"
          + " file when it changes. Environment: POD_NAMESPACE (the Lease's and checkpoint's"
          + " namespace; default: the client's namespace), POD_NAME (this replica's identity"
          + " in the Lease; default: the host name)."
    })
final class RunCommand implements java.util.concurrent.Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  private static final Duration RELOAD_CHECK_INTERVAL = Duration.ofSeconds(10);

  private final Function<String, String> environment;
  private final DeliveryFactory deliveries;
  private final String version;

  @Mixin ConfigOptions options;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "A kubeconfig file; without it the in-cluster service account (or ~/.kube/config) is used.")
  Path kubeconfig;

  @Option(
      names = "--metrics-address",
      paramLabel = "[HOST]:PORT",
      defaultValue = MetricsServer.DEFAULT_ADDRESS,
      description = "Where /metrics, /healthz and /readyz are served (default: ${DEFAULT-VALUE}).")
  String metricsAddress;

  @Spec CommandSpec spec;

  RunCommand(Function<String, String> environment, DeliveryFactory deliveries, String version) {
    this.environment = environment;
    this.deliveries = deliveries;
    this.version = version;
  }

  @Override
  public Integer call() throws Exception {
    Optional<LoadedConfig> loaded = options.load(environment, spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 1;
    }
    KubernetesClient client = client(loaded.get().config());
    ScheduledExecutorService reloads =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "config-reload");
              thread.setDaemon(true);
              return thread;
            });
    ExporterProcess process;
    try {
      process =
          ExporterProcess.start(
              client,
              loaded.get().config(),
              ProcessSettings.defaults(metricsAddress, namespace(client), identity(), version),
              deliveries,
              Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("cannot run: " + e.getMessage());
      client.close();
      return 1;
    }
    AtomicReference<ExporterProcess> running = new AtomicReference<>(process);
    ConfigWatcher watcher =
        new ConfigWatcher(
            options.config,
            new ConfigLoader(environment, options.strict, new GoTemplateSyntax()),
            loaded.get().config(),
            result -> running.get().configReloaded(result));
    watcher.onChange(process::reconfigure);
    watcher.start(reloads, RELOAD_CHECK_INTERVAL);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  watcher.stop();
                  reloads.shutdownNow();
                  process.close();
                  client.close();
                  stopped.countDown();
                },
                "shutdown"));
    LOG.info("exporter {} running; metrics and health on {}", version, metricsAddress);
    stopped.await();
    return 0;
  }

  /**
   * The API client, held to {@code kubeQPS}/{@code kubeBurst} (read once at start: a reload does
   * not change them).
   */
  private KubernetesClient client(ExporterConfig exporterConfig) throws IOException {
    KubernetesClientBuilder builder = new KubernetesClientBuilder();
    if (kubeconfig != null) {
      if (!Files.isReadable(kubeconfig)) {
        throw new IOException("kubeconfig " + kubeconfig + " cannot be read");
      }
      builder.withConfig(Config.fromKubeconfig(kubeconfig.toFile()));
    }
    return RequestRateLimiter.install(builder, exporterConfig.kubeQPS(), exporterConfig.kubeBurst())
        .build();
  }

  private String namespace(KubernetesClient client) {
    String fromPod = environment.apply("POD_NAMESPACE");
    if (fromPod != null && !fromPod.isBlank()) {
      return fromPod;
    }
    return client.getNamespace() != null ? client.getNamespace() : "default";
  }

  private String identity() {
    for (String name : new String[] {"POD_NAME", "HOSTNAME"}) {
      String value = environment.apply(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "exporter-" + UUID.randomUUID();
  }
}
