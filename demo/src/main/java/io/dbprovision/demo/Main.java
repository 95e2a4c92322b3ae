package io.dbprovision.demo;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar db-provision-demo.jar [--exit-after-scenario]}: starts the demo, runs the
 * scenario, then keeps running (health checks, drift checks, their Events) until Ctrl-C, or exits
 * right after the scenario.
 */
public final class Main {
  static final String EXIT_AFTER_SCENARIO = "--exit-after-scenario";

  /** Exit status when the demo cannot start (no usable PostgreSQL) or is called wrongly. */
  static final int EXIT_UNAVAILABLE = 2;

  /** Exit status when a step of the scenario did not happen. */
  static final int EXIT_SCENARIO_FAILED = 1;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    List<String> arguments = List.of(args);
    if (arguments.contains("-h") || arguments.contains("--help")) {
      System.out.println(usage());
      return;
    }
    if (!arguments.stream().allMatch(EXIT_AFTER_SCENARIO::equals)) {
      System.err.println(usage());
      System.exit(EXIT_UNAVAILABLE);
    }
    boolean exitAfterScenario = arguments.contains(EXIT_AFTER_SCENARIO);

    System.out.println("DB Provision demo: the operator and the exporter, on your machine.");
    Demo demo;
    try {
      demo = Demo.start(System.getenv(), System.out, ClusterClients.plain());
    } catch (DemoUnavailable e) {
      System.err.println(e.getMessage());
      System.exit(EXIT_UNAVAILABLE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  stopped.countDown();
                },
                "demo-shutdown"));
    try {
      demo.runScenario();
    } catch (ScenarioFailure | IOException | RuntimeException e) {
      if (demo.isClosing()) {
        // Ctrl-C during the scenario: the shutdown hook is stopping everything under it.
        stopped.await();
        return;
      }
      demo.say("the scenario did not complete: " + e.getMessage());
      System.exit(EXIT_SCENARIO_FAILED);
    }
    if (exitAfterScenario) {
      System.exit(0);
    }
    demo.say("the operator keeps checking health and drift; press Ctrl-C to stop");
    stopped.await();
  }

  private static String usage() {
    return String.join(
        "\n",
        "Usage: java -jar db-provision-demo.jar [" + EXIT_AFTER_SCENARIO + "]",
        "",
        "Starts a Kubernetes API stand-in, the operator and the exporter in this process, applies",
        "sample resources against a PostgreSQL server and prints the Events, the exporter's",
        "dbprovision_events_total series and the Slack notifications. Runs until Ctrl-C, or",
        "stops after the scenario with " + EXIT_AFTER_SCENARIO + ".",
        "",
        "PostgreSQL: an embedded one, started and removed by the demo, unless running as root",
        "(PostgreSQL refuses root) or " + LocalPostgres.ADDRESS + "=host:port names a running one",
        "(as root: default "
            + LocalPostgres.DEFAULT_ADDRESS
            + "); its account from "
            + LocalPostgres.USER
            + " (default "
            + LocalPostgres.DEFAULT_USER
            + ") and "
            + LocalPostgres.PASSWORD
            + " (default empty).");
  }
}
