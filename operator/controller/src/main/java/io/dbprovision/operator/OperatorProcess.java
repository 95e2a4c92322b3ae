package io.dbprovision.operator;

import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.events.EventCorrelator;
import io.dbprovision.operator.events.EventRecorder;
import io.dbprovision.operator.events.KubernetesEventSink;
import io.dbprovision.operator.health.HealthServer;
import io.dbprovision.operator.health.OperatorHealth;
import io.dbprovision.operator.metrics.MetricsServer;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator, wired from its configuration: health and metrics endpoints, the event
 * recorder, and the JOSDK operator with the given reconcilers. {@link Main} starts one for the real
 * cluster; tests start one against the mock API server.
 *
 * <p>Startup order makes the probes truthful: {@code /healthz} answers from the first moment,
 * {@code /readyz} only once JOSDK has started (its informers synced). JOSDK refuses to start
 * without a controller, so with no reconciler registered there is no JOSDK operator at all.
 */
public final class OperatorProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorProcess.class);
  private static final Duration EVENT_FLUSH_TIMEOUT = Duration.ofSeconds(5);

  private final EventRecorder recorder;
  private final Operator operator;
  private final HealthServer health;
  private final MetricsServer metrics;

  private OperatorProcess(
      EventRecorder recorder, Operator operator, HealthServer health, MetricsServer metrics) {
    this.recorder = recorder;
    this.operator = operator;
    this.health = health;
    this.metrics = metrics;
  }

  /**
   * Starts everything and returns once the operator is ready; on failure stops what was started and
   * rethrows.
   *
   * @param reconcilers builds the reconcilers from the shared services (see {@link Main})
   */
  public static OperatorProcess start(
      OperatorConfig config,
      KubernetesClient client,
      Clock clock,
      Function<OperatorServices, List<Reconciler<? extends HasMetadata>>> reconcilers) {
    PrometheusRegistry registry = new PrometheusRegistry();
    OperatorMetrics operatorMetrics = new OperatorMetrics(registry);
    EventRecorder recorder =
        new EventRecorder(
                new KubernetesEventSink(client, OperatorConfig.COMPONENT, config.instance()),
                new EventCorrelator(clock),
                operatorMetrics,
                clock,
                EventRecorder.DEFAULT_QUEUE_CAPACITY,
                EventRecorder.Retry.CLIENT_GO)
            .start();
    OperatorServices services =
        new OperatorServices(client, recorder, operatorMetrics, config, clock);
    List<Reconciler<? extends HasMetadata>> controllers = reconcilers.apply(services);
    Operator operator = controllers.isEmpty() ? null : operator(config, client, controllers);

    OperatorHealth probes = new OperatorHealth(operator, recorder);
    HealthServer health = null;
    MetricsServer metrics = null;
    try {
      health = HealthServer.start(config.healthAddress(), probes::liveness, probes::readiness);
      metrics = MetricsServer.start(config.metricsAddress(), registry);
      OperatorProcess process = new OperatorProcess(recorder, operator, health, metrics);
      log.info(
          "Serving /healthz and /readyz on {}, /metrics on {}",
          config.healthAddress(),
          config.metricsAddress());
      if (operator == null) {
        log.warn("No reconcilers registered; the operator watches nothing");
      } else {
        operator.start();
      }
      probes.markStarted();
      log.info(
          "Operator started as {}: {} reconciler(s), namespaces {}, leader election {}",
          config.instance(),
          controllers.size(),
          config.watchesAllNamespaces() ? "all" : config.namespaces(),
          config.leaderElection() ? "on (Lease " + config.leaderElectionId() + ")" : "off");
      return process;
    } catch (RuntimeException e) {
      stop(operator, recorder, health, metrics);
      throw e;
    }
  }

  private static Operator operator(
      OperatorConfig config,
      KubernetesClient client,
      List<Reconciler<? extends HasMetadata>> reconcilers) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(config.serverSideApply())
                  .withSSABasedCreateUpdateMatchForDependentResources(config.serverSideApply());
              if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        config.leaderElectionId(),
                        config.leaderElectionNamespace().orElse(null),
                        config.instance()));
              }
            });
    for (Reconciler<? extends HasMetadata> reconciler : reconcilers) {
      operator.register(
          reconciler,
          o -> {
            if (config.watchesAllNamespaces()) {
              o.watchingAllNamespaces();
            } else {
              o.settingNamespaces(config.namespaces());
            }
          });
    }
    return operator;
  }

  /** The bound health port (useful when the configuration asked for port 0). */
  public int healthPort() {
    return health.port();
  }

  /** The bound metrics port. */
  public int metricsPort() {
    return metrics.port();
  }

  /** Stops reconciling, writes the Events still queued, then closes the endpoints. */
  @Override
  public void close() {
    log.info("Operator stopping");
    stop(operator, recorder, health, metrics);
  }

  private static void stop(
      Operator operator, EventRecorder recorder, HealthServer health, MetricsServer metrics) {
    if (operator != null) {
      try {
        operator.stop();
      } catch (RuntimeException e) {
        log.warn("JOSDK operator did not stop cleanly", e);
      }
    }
    recorder.close(EVENT_FLUSH_TIMEOUT);
    if (metrics != null) {
      metrics.close();
    }
    if (health != null) {
      health.close();
    }
  }
}
