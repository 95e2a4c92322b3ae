package io.dbprovision.operator;

import io.dbprovision.operator.config.ListenAddress;
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
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final AtomicBoolean stopping;
  private final Shutdown shutdown;

  private OperatorProcess(
      EventRecorder recorder,
      Operator operator,
      HealthServer health,
      MetricsServer metrics,
      AtomicBoolean stopping,
      Shutdown shutdown) {
    this.recorder = recorder;
    this.operator = operator;
    this.health = health;
    this.metrics = metrics;
    this.stopping = stopping;
    this.shutdown = shutdown;
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
    return start(config, client, clock, reconcilers, OperatorProcess::exitAfterLostLeadership);
  }

  /**
   * As {@link #start(OperatorConfig, KubernetesClient, Clock, Function)}, with what to do when this
   * replica loses its leadership while running (not when it stops).
   */
  static OperatorProcess start(
      OperatorConfig config,
      KubernetesClient client,
      Clock clock,
      Function<OperatorServices, List<Reconciler<? extends HasMetadata>>> reconcilers,
      Runnable leadershipLost) {
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
    Shutdown shutdown = new Shutdown();
    OperatorServices services =
        new OperatorServices(client, recorder, operatorMetrics, config, clock, shutdown);
    List<Reconciler<? extends HasMetadata>> controllers = reconcilers.apply(services);
    AtomicBoolean stopping = new AtomicBoolean();
    Operator operator =
        controllers.isEmpty()
            ? null
            : operator(config, client, controllers, leadershipCallbacks(stopping, leadershipLost));

    OperatorHealth probes = new OperatorHealth(operator, recorder);
    HealthServer health = null;
    MetricsServer metrics = null;
    try {
      health = HealthServer.start(config.healthAddress(), probes::liveness, probes::readiness);
      metrics = MetricsServer.start(config.metricsAddress(), registry);
      OperatorProcess process =
          new OperatorProcess(recorder, operator, health, metrics, stopping, shutdown);
      log.info(
          "Serving /healthz and /readyz on {}, /metrics on {}",
          new ListenAddress(config.healthAddress().host(), health.port()),
          new ListenAddress(config.metricsAddress().host(), metrics.port()));
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
      stopping.set(true);
      stop(operator, shutdown, recorder, health, metrics);
      throw e;
    }
  }

  /**
   * JOSDK would call {@code System.exit} whenever leadership ends, also during a graceful stop
   * (from the shutdown hook, where exit blocks forever). So JOSDK is told not to exit, and the
   * process decides: losing the Lease while running ends the process (a fresh start is the safe way
   * back to standby); stopping releases nothing and exits normally.
   */
  private static LeaderCallbacks leadershipCallbacks(AtomicBoolean stopping, Runnable lost) {
    return new LeaderCallbacks(
        () -> log.info("Leading: reconciling from now on"),
        () -> {
          if (!stopping.get()) {
            log.error("Lost the leader Lease while running; exiting so that a fresh start waits");
            lost.run();
          }
        },
        leader -> log.info("Current leader: {}", leader));
  }

  private static void exitAfterLostLeadership() {
    // Not on the caller's thread: exit runs the shutdown hook, which stops JOSDK, whose
    // executor this callback may be running on.
    new Thread(() -> System.exit(Main.EXIT_LEADERSHIP_LOST), "leadership-lost").start();
  }

  /**
   * How a reconcile that failed transiently (a server down, the API server unreachable) is retried:
   * with exponential backoff from 2 s up to 5 min, and without giving up. JOSDK's default stops
   * after five attempts (about half a minute), after which a resource would stay Failed until its
   * spec changed or the operator restarted, however soon the server came back. Permanent failures
   * are not retried at all (the reconcilers record them and return).
   */
  static final GenericRetry RECONCILE_RETRY =
      GenericRetry.defaultLimitedExponentialRetry()
          .withoutMaxAttempts()
          .setInitialInterval(Duration.ofSeconds(2))
          .setIntervalMultiplier(2)
          .setMaxInterval(Duration.ofMinutes(5).toMillis());

  private static Operator operator(
      OperatorConfig config,
      KubernetesClient client,
      List<Reconciler<? extends HasMetadata>> reconcilers,
      LeaderCallbacks callbacks) {
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
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        leaseIdentity(config),
                        callbacks,
                        false));
              }
            });
    for (Reconciler<? extends HasMetadata> reconciler : reconcilers) {
      operator.register(
          reconciler,
          o -> {
            o.withRetry(RECONCILE_RETRY);
            if (config.watchesAllNamespaces()) {
              o.watchingAllNamespaces();
            } else {
              o.settingNamespaces(config.namespaces());
            }
          });
    }
    return operator;
  }

  /** Outside a pod every replica is "local": make the Lease holder unique all the same. */
  private static String leaseIdentity(OperatorConfig config) {
    return config.instance().equals(OperatorConfig.LOCAL_INSTANCE)
        ? OperatorConfig.LOCAL_INSTANCE + "-" + UUID.randomUUID()
        : config.instance();
  }

  /** The bound health port (useful when the configuration asked for port 0). */
  public int healthPort() {
    return health.port();
  }

  /** The bound metrics port. */
  public int metricsPort() {
    return metrics.port();
  }

  /**
   * Stops reconciling, closes what the reconcilers held (connection pools), writes the Events still
   * queued, then closes the endpoints.
   */
  @Override
  public void close() {
    log.info("Operator stopping");
    stopping.set(true);
    stop(operator, shutdown, recorder, health, metrics);
  }

  private static void stop(
      Operator operator,
      Shutdown shutdown,
      EventRecorder recorder,
      HealthServer health,
      MetricsServer metrics) {
    if (operator != null) {
      try {
        operator.stop();
      } catch (RuntimeException e) {
        log.warn("JOSDK operator did not stop cleanly", e);
      }
    }
    shutdown.run();
    recorder.close(EVENT_FLUSH_TIMEOUT);
    if (metrics != null) {
      metrics.close();
    }
    if (health != null) {
      health.close();
    }
  }
}
