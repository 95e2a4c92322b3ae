package io.dbprovision.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's metrics contract, {@code metrics.tsv} (see its header for the columns), read for
 * the metrics reference page: name, type, the process that exposes it, and its labels with their
 * fixed values where the contract lists them.
 */
final class MetricsContract {
  record Metric(String name, String type, String source, Map<String, Set<String>> labels) {}

  private MetricsContract() {}

  static List<Metric> load() {
    String text;
    try (InputStream in = MetricsContract.class.getResourceAsStream("/metrics.tsv")) {
      if (in == null) {
        throw new IllegalStateException("metrics.tsv is missing from the test resources");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Metric> metrics = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns.length != 5) {
        throw new IllegalStateException("metrics.tsv: expected 5 tab-separated columns: " + line);
      }
      metrics.add(new Metric(columns[0], columns[1], columns[2], labels(columns[4])));
    }
    return metrics;
  }

  /** The labels column: {@code a,b=x|y} is label a (any value) and b (only x or y). */
  static Map<String, Set<String>> labels(String column) {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (String label : column.split(",")) {
      if (label.isBlank()) {
        continue;
      }
      int eq = label.indexOf('=');
      labels.put(
          eq < 0 ? label : label.substring(0, eq),
          eq < 0 ? Set.of() : Set.of(label.substring(eq + 1).split("\\|")));
    }
    return labels;
  }
}
