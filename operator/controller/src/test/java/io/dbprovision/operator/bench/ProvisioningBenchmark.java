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
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.lang.management.ManagementFactory;
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
 *       and on MariaDB. Twice: on a fresh operator JVM (the JIT compiler still at work), then with
 *       the same operator once the first sets are Ready, as a long-running operator meets a burst.
 *       Also printed: how long the API server stand-in alone takes to accept the objects.
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
    double sqlFloor = sqlFloorSeconds(server, count);
    double apiFloor = apiFloorSeconds(kubernetes, server, count);
    System.out.printf(
        Locale.ROOT,
        "provisioning %s, %d sets: floor (the same SQL over one JDBC connection) %.2f s;"
            + " the API server alone takes %.2f s to accept the %d objects%n",
        server.kind(),
        count,
        sqlFloor,
        apiFloor,
        3 * count);

    KubernetesClient client = kubernetes.client();
    String namespace =
        kubernetes.newNamespace("bench-" + server.kind().name().toLowerCase(Locale.ROOT));
    try (Scratch scratch = Scratch.on(server);
        OperatorJarProcess operator =
            OperatorJarProcess.start(jar, kubernetes.url(), namespace, "10m")) {
      List<String> rounds = List.of("cold", "warm");
      for (int round = 0; round < rounds.size(); round++) {
        ProvisioningSets resources =
            new ProvisioningSets(client, namespace, scratch, rounds.get(round), count);
        if (round == 0) {
          resources.createInstance();
          awaitReady(client, namespace, List.of(DatabaseInstance.class), 1);
        }
        double cpuBefore = operator.cpuSeconds();
        double ownCpuBefore = ownCpuSeconds();
        long start = System.nanoTime();
        resources.createAll();
        long created = System.nanoTime();
        awaitReady(
            client,
            namespace,
            List.of(Database.class, DatabaseUser.class, DatabaseGrant.class),
            3 * count * (round + 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "provisioning %-8s %s: operator %.2f s (%.2f× floor; target ≤ 2×), the last object"
                + " created at %.2f s; CPU: operator %.1f s, API stand-in and this client %.1f s;"
                + " operator peak RSS %d MiB%n",
            server.kind(),
            round == 0
                ? "round 1, a fresh operator JVM"
                : "round "
                    + (round + 1)
                    + ", the same operator, "
                    + 3 * count * round
                    + " resources already Ready",
            seconds,
            seconds / sqlFloor,
            (created - start) / 1e9,
            operator.cpuSeconds() - cpuBefore,
            ownCpuSeconds() - ownCpuBefore,
            operator.peakRssBytes() >> 20);
      }
    }
  }

  /** CPU time of this JVM: the mock API server, and the client creating and polling objects. */
  private static double ownCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** Issuing the SQL the operator is asked to bring about, one statement after another. */
  private static double sqlFloorSeconds(DatabaseServer server, int count) throws Exception {
    try (Scratch scratch = Scratch.on(server)) {
      ProvisioningSets floor = new ProvisioningSets(null, "unused", scratch, "floor", count);
      long start = System.nanoTime();
      try (Connection connection = server.openAdmin();
          Statement statement = connection.createStatement()) {
        for (ProvisioningSets.Set set : floor.sets()) {
          for (String sql : floor.floorStatements(set, "Floor-Password-1")) {
            statement.execute(sql);
          }
        }
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /**
   * Creating the same objects in a namespace no operator watches: what the API server stand-in
   * needs just to accept them, which bounds the operator's figure from below.
   */
  private static double apiFloorSeconds(MockKubernetes kubernetes, DatabaseServer server, int count)
      throws Exception {
    try (Scratch scratch = Scratch.on(server)) {
      String unwatched = kubernetes.newNamespace("bench-unwatched");
      ProvisioningSets sets =
          new ProvisioningSets(kubernetes.client(), unwatched, scratch, "floor", count);
      long start = System.nanoTime();
      sets.createAll();
      return (System.nanoTime() - start) / 1e9;
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
      ProvisioningSets resources = new ProvisioningSets(client, namespace, scratch, "idle", count);
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

  /**
   * Waits until {@code expected} resources of these kinds are Ready, watching them rather than
   * listing them again and again, so that measuring adds little load to the API server stand-in.
   */
  private static void awaitReady(
      KubernetesClient client,
      String namespace,
      List<Class<? extends CustomResource<?, ? extends ResourceStatus>>> types,
      int expected)
      throws InterruptedException {
    List<SharedIndexInformer<? extends CustomResource<?, ? extends ResourceStatus>>> informers =
        new ArrayList<>();
    try {
      for (Class<? extends CustomResource<?, ? extends ResourceStatus>> type : types) {
        informers.add(client.resources(type).inNamespace(namespace).inform());
      }
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        long ready = 0;
        for (SharedIndexInformer<? extends CustomResource<?, ? extends ResourceStatus>> informer :
            informers) {
          ready += informer.getStore().list().stream().filter(r -> isReady(r.getStatus())).count();
        }
        if (ready >= expected) {
          return;
        }
        Thread.sleep(10);
      }
    } finally {
      informers.forEach(SharedIndexInformer::close);
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
