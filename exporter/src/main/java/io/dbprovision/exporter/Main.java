package io.dbprovision.exporter;

import io.dbprovision.exporter.cli.ExporterCommand;
import io.dbprovision.exporter.runtime.DeliveryFactory;
import io.dbprovision.exporter.runtime.QueuedDelivery;

/**
 * The exporter's entry point: {@code java -jar db-provision-exporter.jar [run|validate|dry-run]}.
 */
public final class Main {
  static {
    // CompletableFuture runs its async stages on a new thread each when the common pool has fewer
    // than two threads, as it has on two CPUs or fewer (a small pod), and the Kubernetes client
    // completes every HTTP response that way: an operator's burst of 300 new resources started over
    // 2,000 threads. A value set on the command line wins.
    System.getProperties()
        .putIfAbsent(
            "java.util.concurrent.ForkJoinPool.common.parallelism",
            String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
  }

  private Main() {}

  public static void main(String[] args) {
    int exit =
        ExporterCommand.commandLine(System::getenv, deliveries(), version())
            .execute(ExporterCommand.withDefaultCommand(args));
    System.exit(exit);
  }

  /** The one place the process's delivery is chosen: the queued delivery engine. */
  static DeliveryFactory deliveries() {
    return QueuedDelivery.factory();
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
