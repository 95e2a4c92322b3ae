package io.dbprovision.exporter.bench;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Which benchmarks of the {@code bench} profile run: all, or those named by {@code bench.only}. */
final class Benchmarks {
  /** Held so that the level set below is not lost with a collected logger. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private Benchmarks() {}

  /**
   * Silences the mock API server's line per request (java.util.logging), which would otherwise cost
   * more than the work measured.
   */
  static void quietMockApiServer() {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
  }

  /**
   * @param name the benchmark's short name: pipeline, latency, storm, startup
   */
  static boolean selected(String name) {
    String only = System.getProperty("bench.only", "all");
    boolean selected = only.equals("all") || Arrays.asList(only.split(",")).contains(name);
    if (!selected) {
      System.out.println("(" + name + " benchmark skipped: bench.only=" + only + ")");
    }
    return selected;
  }
}
