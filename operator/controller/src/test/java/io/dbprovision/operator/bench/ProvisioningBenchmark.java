package io.dbprovision.operator.bench;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints the figures of OPERATOR.md §6; asserts nothing.
 *
 * <ol>
 *   <li>Provisioning: {@code n} (Database + DatabaseUser + DatabaseGrant) sets to Ready through the
 *       operator, beside the floor of issuing the same SQL over one JDBC connection, on PostgreSQL
 *       and on MariaDB.
 *   <li>Idling: {@code m} Ready resources under drift checks; the operator process's CPU share, its
 *       RSS, and how the drift checks spread over time (reconciles per time slice).
 * </ol>
 *
 * The operator runs from its jar in its own JVM (heap sized as the chart sizes it), so the mock API
 * server in this JVM stays out of its CPU and memory figures.
 *
 * <p>Arguments (all optional): sets (100), idle resources (1000), drift interval (10m), idle
 * observation window in seconds (600), the operator jar path.
 */
public final class ProvisioningBenchmark {
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private ProvisioningBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sets = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int idleResources = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    String driftInterval = args.length > 2 ? args[2] : "10m";
    int windowSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    Path jar =
        Path.of(args.length > 4 ? args[4] : "operator/controller/target/db-provision-operator.jar");
    try (MockKubernetes kubernetes = MockKubernetes.start()) {
      for (TestServer kind : List.of(TestServer.POSTGRES, TestServer.MARIADB)) {
        provisioning(kubernetes, RealDatabases.server(kind), sets, jar);
      }
      idling(
          kubernetes,
          RealDatabases.server(TestServer.POSTGRES),
          idleResources,
          driftInterval,
          windowSeconds,
          jar);
    }
  }

  private static void provisioning(
      MockKubernetes kubernetes, DatabaseServer server, int count, Path jar) throws Exception {
    long floorNanos;
    try (Scratch scratch = Scratch.on(server)) {
      ProvisioningSets floor = new ProvisioningSets(kubernetes.client(), "unused", scratch, count);
      long start = System.nanoTime();
      try (Connection connection = server.openAdmin();
          Statement statement = connection.createStatement()) {
        for (ProvisioningSets.Set set : floor.sets()) {
          for (String sql : floor.floorStatements(set, "Floor-Password-1")) {
            statement.execute(sql);
          }
        }
      }
      floorNanos = System.nanoTime() - start;
    }

    KubernetesClient client = kubernetes.client();
    String namespace =
        kubernetes.newNamespace("bench-" + server.kind().name().toLowerCase(Locale.ROOT));
    try (Scratch scratch = Scratch.on(server);
        OperatorJarProcess operator =
            OperatorJarProcess.start(jar, kubernetes.url(), namespace, "10m")) {
      ProvisioningSets resources = new ProvisioningSets(client, namespace, scratch, count);
      resources.createInstance();
      awaitReady(client, namespace, List.of(DatabaseInstance.class), 1);
      double cpuBefore = operator.cpuSeconds();
      long start = System.nanoTime();
      resources.createAll();
      awaitReady(
          client,
          namespace,
          List.of(Database.class, DatabaseUser.class, DatabaseGrant.class),
          3 * count);
      long operatorNanos = System.nanoTime() - start;
      double cpu = operator.cpuSeconds() - cpuBefore;
      System.out.printf(
          Locale.ROOT,
          "provisioning %-8s %d sets: floor (one JDBC connection) %.2f s, operator %.2f s"
              + " (%.2f× floor; target ≤ 2×), operator CPU %.1f s, peak RSS %d MiB%n",
          server.kind(),
          count,
          floorNanos / 1e9,
          operatorNanos / 1e9,
          (double) operatorNanos / floorNanos,
          cpu,
          operator.peakRssBytes() >> 20);
    }
  }

  private static void idling(
      MockKubernetes kubernetes,
      DatabaseServer server,
      int resourceCount,
      String driftInterval,
      int windowSeconds,
      Path jar)
      throws Exception {
    int count = (resourceCount + 2) / 3;
    KubernetesClient client = kubernetes.client();
    String namespace = kubernetes.newNamespace("bench-idle");
    try (Scratch scratch = Scratch.on(server);
        OperatorJarProcess operator =
            OperatorJarProcess.start(jar, kubernetes.url(), namespace, driftInterval)) {
      ProvisioningSets resources = new ProvisioningSets(client, namespace, scratch, count);
      resources.createInstance();
      resources.createAll();
      awaitReady(
          client,
          namespace,
          List.of(Database.class, DatabaseUser.class, DatabaseGrant.class),
          3 * count);
      System.out.printf(
          Locale.ROOT,
          "idling: %d Ready resources on %s, drift interval %s, watching %d s%n",
          3 * count,
          server.kind(),
          driftInterval,
          windowSeconds);
      String reconciles = "dbprovision_reconcile_total";
      double cpuStart = operator.cpuSeconds();
      double reconcilesStart = operator.metricSum(reconciles, "kind=\"");
      long rssMax = 0;
      List<Integer> perSlice = new ArrayList<>();
      int slice = Math.max(1, windowSeconds / 20);
      double previous = reconcilesStart;
      for (int elapsed = 0; elapsed < windowSeconds; elapsed += slice) {
        Thread.sleep(slice * 1000L);
        rssMax = Math.max(rssMax, operator.rssBytes());
        double now = operator.metricSum(reconciles, "kind=\"");
        perSlice.add((int) (now - previous));
        previous = now;
      }
      double cpu = operator.cpuSeconds() - cpuStart;
      System.out.printf(
          Locale.ROOT,
          "idling: CPU %.2f%% of one core on average (target < 5%%), RSS max %d MiB (target ≤ 256),"
              + " reconciles %d in %d s, per %d s slice: %s%n",
          100 * cpu / windowSeconds,
          rssMax >> 20,
          (int) (previous - reconcilesStart),
          windowSeconds,
          slice,
          perSlice);
    }
  }

  private static void awaitReady(
      KubernetesClient client,
      String namespace,
      List<Class<? extends CustomResource<?, ? extends ResourceStatus>>> types,
      int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      int ready = 0;
      for (Class<? extends CustomResource<?, ? extends ResourceStatus>> type : types) {
        ready +=
            (int)
                client.resources(type).inNamespace(namespace).list().getItems().stream()
                    .filter(resource -> isReady(resource.getStatus()))
                    .count();
      }
      if (ready >= expected) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("not all " + expected + " resources Ready within " + PATIENCE);
  }

  private static boolean isReady(ResourceStatus status) {
    return status != null
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && Objects.equals("True", c.getStatus()));
  }
}
