package io.dbprovision.operator;

import io.dbprovision.operator.config.InvalidConfigException;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.connect.ConnectionPools;
import io.dbprovision.operator.reconcile.BackupRuns;
import io.dbprovision.operator.reconcile.DatabaseBackupReconciler;
import io.dbprovision.operator.reconcile.DatabaseBackupScheduleReconciler;
import io.dbprovision.operator.reconcile.DatabaseGrantReconciler;
import io.dbprovision.operator.reconcile.DatabaseInstanceReconciler;
import io.dbprovision.operator.reconcile.DatabaseReconciler;
import io.dbprovision.operator.reconcile.DatabaseRestoreReconciler;
import io.dbprovision.operator.reconcile.DatabaseRoleReconciler;
import io.dbprovision.operator.reconcile.DatabaseUserReconciler;
import io.dbprovision.operator.reconcile.InstanceConnections;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's entry point: reads the configuration ({@code DBPROVISION_*} variables and flags),
 * connects to the cluster (in-cluster service account or kubeconfig), starts an {@link
 * OperatorProcess} with {@link #reconcilers} and stops it on SIGTERM.
 */
public final class Main {
  static {
    // CompletableFuture runs its async stages on a new thread each when the common pool has fewer
    // than two threads, as it has on two CPUs or fewer (a small pod), and the Kubernetes client
    // completes every HTTP response that way: a burst of 300 new resources started over 2,000
    // threads. A value set on the command line wins.
    System.getProperties()
        .putIfAbsent(
            "java.util.concurrent.ForkJoinPool.common.parallelism",
            String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
  }

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  /** Exit status for a configuration that cannot be used. */
  static final int EXIT_CONFIG = 2;

  /** Exit status for a failed startup. */
  static final int EXIT_STARTUP = 1;

  /** Exit status after losing the leader Lease while running (the pod restarts as standby). */
  static final int EXIT_LEADERSHIP_LOST = 3;

  /** How long one catalog query or DDL statement may run. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  private Main() {}

  /**
   * Every reconciler the operator runs, built from the shared services. Adding a kind is one line
   * here, e.g. {@code new DatabaseReconciler(services)}.
   */
  public static List<Reconciler<? extends HasMetadata>> reconcilers(OperatorServices services) {
    InstanceConnections connections =
        services
            .shutdown()
            .closeOnStop(
                new InstanceConnections(
                    services.client(),
                    new ConnectionPools(),
                    STATEMENT_TIMEOUT,
                    services.metrics(),
                    services.clock()));
    BackupRuns backupRuns = new BackupRuns(services);
    return List.of(
        new DatabaseInstanceReconciler(services, connections),
        new DatabaseReconciler(services, connections),
        new DatabaseRoleReconciler(services, connections),
        new DatabaseUserReconciler(services, connections),
        new DatabaseGrantReconciler(services, connections),
        new DatabaseBackupReconciler(services, connections, backupRuns),
        new DatabaseRestoreReconciler(services, connections, backupRuns),
        new DatabaseBackupScheduleReconciler(services));
  }

  /**
   * The configuration, logged without secrets: unknown {@code DBPROVISION_*} variables by name
   * only, and problems once each.
   */
  static OperatorConfig configure(Map<String, String> env, List<String> args) {
    try {
      OperatorConfig config = OperatorConfig.from(env, args);
      OperatorConfig.unrecognizedKeys(env)
          .forEach(key -> log.warn("Ignoring unknown setting {}", key));
      log.info("Configuration: {}", config);
      return config;
    } catch (InvalidConfigException e) {
      log.error("{}", e.getMessage());
      if (e.problems().stream().anyMatch(p -> p.startsWith(OperatorConfig.LOG_FORMAT))) {
        // A bad log format leaves logging without an appender: say it where it is seen.
        System.err.println(e.getMessage());
      }
      throw e;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    OperatorConfig config;
    try {
      config = configure(System.getenv(), List.of(args));
    } catch (InvalidConfigException e) {
      System.exit(EXIT_CONFIG);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    OperatorProcess process;
    try {
      process = OperatorProcess.start(config, client, Clock.systemUTC(), Main::reconcilers);
    } catch (RuntimeException e) {
      log.error("Operator failed to start", e);
      client.close();
      System.exit(EXIT_STARTUP);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.close();
                  client.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }
}
