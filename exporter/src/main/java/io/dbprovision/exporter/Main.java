package io.dbprovision.exporter;

import io.dbprovision.exporter.cli.ExporterCommand;
import io.dbprovision.exporter.runtime.DeliveryFactory;
import io.dbprovision.exporter.runtime.QueuedDelivery;

/**
 * The exporter's entry point: {@code java -jar db-provision-exporter.jar [run|validate|dry-run]}.
 */
public final class Main {
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
