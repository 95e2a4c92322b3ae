package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.checkpoint.CheckpointStore;
import io.dbprovision.exporter.checkpoint.ConfigMapCheckpointStore;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.health.HealthCheck;
import io.dbprovision.exporter.health.HealthChecks;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.metrics.MetricsServer;
import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.render.TemplatePayloadRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exporter process: the metrics and health server, the configuration in force, the delivery,
 * and either one session for the whole run or, with leader election, one per leadership term.
 * Sessions start and stop on one lifecycle thread, so they never overlap.
 */
public final class ExporterProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExporterProcess.class);

  private final KubernetesClient client;
  private final ProcessSettings settings;
  private final Clock clock;
  private final AtomicReference<ExporterConfig> config;
  private final ExporterMetrics metrics;
  private final Gauge leader;
  private final DiscardReporter discards;
  private final TemplatePayloadRenderer renderer = new TemplatePayloadRenderer();
  private final HealthChecks health = new HealthChecks();
  private final Delivery delivery;
  private final MetricsServer server;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService lifecycle;
  private final AtomicReference<ExporterSession> session = new AtomicReference<>();
  private volatile CompletableFuture<?> election;
  private volatile boolean closing;

  /** Between the elector's start and stop callbacks (a retried start checks it). */
  private volatile boolean holdsLease;

  private ExporterProcess(
      KubernetesClient client,
      ExporterConfig initial,
      ProcessSettings settings,
      DeliveryFactory deliveries,
      Clock clock)
      throws IOException {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.config = new AtomicReference<>(initial);
    PrometheusRegistry registry = new PrometheusRegistry();
    this.metrics =
        new ExporterMetrics(
            registry, initial.metrics(), initial.metricsNamePrefix(), clock, settings.version());
    this.leader =
        Gauge.builder()
            .name("dbprovision_exporter_leader")
            .help("1 when this replica leads (counts, notifies, writes checkpoints), 0 when idle")
            .register(registry);
    this.discards = DiscardReporter.perMinute(clock, metrics::discarded);
    renderer.prepare(initial);
    this.delivery = deliveries.create(initial, config::get, renderer, metrics);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("exporter-scheduler"));
    this.lifecycle = Executors.newSingleThreadExecutor(daemon("exporter-lifecycle"));
    // A process exists only with a valid configuration (start fails otherwise, and a reload keeps
    // the last valid one), so readiness waits for the watch alone.
    health
        .readiness(
            "watch",
            () -> {
              if (closing) {
                // Not a follower: the session has stopped because the process is stopping.
                return Optional.of("stopping");
              }
              ExporterSession current = session.get();
              if (current == null) {
                return isLeading() ? Optional.of("leading but not watching yet") : Optional.empty();
              }
              return current.hasSynced()
                  ? Optional.empty()
                  : Optional.of("the Event informers have not synced");
            })
        .liveness(
            "watch",
            () -> {
              ExporterSession current = session.get();
              return current == null ? Optional.empty() : current.liveness().problem();
            })
        .liveness("delivery", delivery.workers());
    this.server = MetricsServer.start(settings.metricsAddress(), registry, health.handler());
  }

  /**
   * Starts serving, then leads (or competes for the Lease). Without leader election, returns once
   * the watch has synced.
   */
  public static ExporterProcess start(
      KubernetesClient client,
      ExporterConfig config,
      ProcessSettings settings,
      DeliveryFactory deliveries,
      Clock clock)
      throws IOException, InterruptedException, TimeoutException {
    ExporterProcess process = new ExporterProcess(client, config, settings, deliveries, clock);
    try {
      if (config.leaderElection().enabled()) {
        process.compete();
      } else {
        process.leader.set(1);
        process.session.set(ExporterSession.start(config, process.wiring()));
      }
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      process.close();
      throw e;
    }
    return process;
  }

  /** Uses a reloaded configuration (routes, receivers) from the next Event on. */
  public void reconfigure(ExporterConfig reloaded) {
    renderer.prepare(reloaded);
    config.set(reloaded);
    ExporterSession current = session.get();
    if (current != null) {
      current.reconfigure(reloaded);
    }
  }

  /** Counts a configuration reload attempt ({@code config_reloads_total{result}}). */
  public void configReloaded(String result) {
    metrics.configReloaded(result);
  }

  public int port() {
    return server.port();
  }

  public HealthChecks health() {
    return health;
  }

  public boolean isLeading() {
    return leader.get() == 1;
  }

  /** The running session, when leading. */
  public Optional<ExporterSession> session() {
    return Optional.ofNullable(session.get());
  }

  /** Registers another liveness check (for example of a component started beside the process). */
  public void liveness(String name, HealthCheck check) {
    health.liveness(name, check);
  }

  private ExporterSession.Wiring wiring() {
    ExporterConfig current = config.get();
    Optional<CheckpointStore> checkpoints =
        current
            .checkpoint()
            .configMapName()
            .map(name -> new ConfigMapCheckpointStore(client, settings.namespace(), name));
    return new ExporterSession.Wiring(
        client,
        metrics,
        discards,
        delivery.dispatcher(),
        clock,
        scheduler,
        checkpoints,
        settings.checkpointInterval(),
        settings.syncTimeout(),
        settings.stallTimeout());
  }

  private void compete() {
    String id = config.get().leaderElection().leaderElectionID();
    LOG.info("competing for Lease {}/{} as {}", settings.namespace(), id, settings.identity());
    election =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(id)
                    .withLock(new LeaseLock(settings.namespace(), id, settings.identity()))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            () -> {
                              holdsLease = true;
                              onLifecycleThread(this::lead);
                            },
                            () -> {
                              holdsLease = false;
                              onLifecycleThread(this::follow);
                            },
                            newLeader -> LOG.info("the leader is now {}", newLeader)))
                    .build())
            .build()
            .start();
    election.whenComplete(
        (ignored, error) -> {
          if (!closing) {
            // Leadership lost (the Lease could not be renewed): stand again as a follower.
            LOG.warn("left the leader election; standing again");
            onLifecycleThread(this::compete);
          }
        });
  }

  /** Runs on the lifecycle thread, unless the process is stopping (then there is nothing to do). */
  private void onLifecycleThread(Runnable task) {
    if (closing) {
      return;
    }
    try {
      lifecycle.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("stopping: {} not run", task);
    }
  }

  private void lead() {
    if (closing || !holdsLease || session.get() != null) {
      return;
    }
    LOG.info("leading: resuming from the checkpoint and watching Events");
    leader.set(1);
    try {
      session.set(ExporterSession.start(config.get(), wiring()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | RuntimeException e) {
      LOG.error(
          "cannot start watching Events as the leader (retrying in {}s): {}",
          settings.retryPeriod().toSeconds(),
          e.toString());
      if (!closing) {
        scheduler.schedule(
            () -> onLifecycleThread(this::lead),
            settings.retryPeriod().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  private void follow() {
    leader.set(0);
    ExporterSession current = session.getAndSet(null);
    if (current != null) {
      LOG.info("no longer leading: stopped watching, the checkpoint is written");
      current.close();
    }
  }

  /** Stops cleanly: the session writes its last checkpoint before the Lease is released. */
  @Override
  public void close() {
    closing = true;
    stopSession(ExporterSession::close);
  }

  /** Stops as a crash would (tests): no last checkpoint is written. */
  public void abandon() {
    closing = true;
    stopSession(ExporterSession::abandon);
  }

  private void stopSession(java.util.function.Consumer<ExporterSession> stop) {
    try {
      lifecycle
          .submit(
              () -> {
                ExporterSession current = session.getAndSet(null);
                if (current != null) {
                  stop.accept(current);
                }
                leader.set(0);
              })
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("stopping the session: {}", e.toString());
    }
    if (election != null) {
      election.cancel(true);
    }
    lifecycle.shutdownNow();
    scheduler.shutdownNow();
    delivery.close();
    server.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
