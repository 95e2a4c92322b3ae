package io.dbprovision.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The metrics the project defines, read from the {@code metrics.tsv} fixture. */
final class ProjectMetrics {
  /** Labels Prometheus adds to every scraped series. */
  static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  private static final List<String> HISTOGRAM_SERIES = List.of("_bucket", "_sum", "_count");

  /**
   * One metric family.
   *
   * @param labels label name to the only values it takes, or to an empty set when any value goes
   */
  record Metric(
      String name,
      String type,
      String source,
      boolean zeroSeries,
      Map<String, Set<String>> labels) {
    boolean isHistogram() {
      return type.equals("histogram");
    }
  }

  private final Map<String, Metric> metrics;

  private ProjectMetrics(Map<String, Metric> metrics) {
    this.metrics = metrics;
  }

  /** From metric families found elsewhere, for example in a scrape of the running processes. */
  static ProjectMetrics of(List<Metric> families) {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    families.forEach(m -> metrics.put(m.name(), m));
    return new ProjectMetrics(metrics);
  }

  static ProjectMetrics load() {
    List<Metric> metrics = new ArrayList<>();
    try (InputStream in = ProjectMetrics.class.getResourceAsStream("/metrics.tsv")) {
      if (in == null) {
        throw new IllegalStateException("metrics.tsv is missing from the test resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 5) {
          throw new IllegalStateException(
              "metrics.tsv line " + lineNumber + ": expected 5 tab-separated columns");
        }
        Metric metric =
            new Metric(
                columns[0], columns[1], columns[2], columns[3].equals("yes"), labels(columns[4]));
        metrics.add(metric);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(metrics);
  }

  private static Map<String, Set<String>> labels(String column) {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    if (column.isBlank()) {
      return labels;
    }
    for (String label : column.split(",")) {
      int eq = label.indexOf('=');
      if (eq < 0) {
        labels.put(label, Set.of());
      } else {
        labels.put(label.substring(0, eq), Set.of(label.substring(eq + 1).split("\\|")));
      }
    }
    return labels;
  }

  /** Every family, in the order they were given. */
  List<Metric> all() {
    return List.copyOf(metrics.values());
  }

  /** The family a series name belongs to: itself, or a histogram's bucket, sum or count. */
  Optional<Metric> family(String seriesName) {
    Metric exact = metrics.get(seriesName);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (String suffix : HISTOGRAM_SERIES) {
      if (seriesName.endsWith(suffix)) {
        Metric base = metrics.get(seriesName.substring(0, seriesName.length() - suffix.length()));
        if (base != null && base.isHistogram()) {
          return Optional.of(base);
        }
      }
    }
    return Optional.empty();
  }

  /** The label names a series of this name may carry. */
  Set<String> labelsOf(String seriesName) {
    Set<String> labels = new LinkedHashSet<>(TARGET_LABELS);
    family(seriesName).ifPresent(m -> labels.addAll(m.labels().keySet()));
    if (seriesName.endsWith("_bucket")) {
      labels.add("le");
    }
    return labels;
  }

  /** Every label name any project series may carry. */
  Set<String> allLabels() {
    Set<String> labels = new LinkedHashSet<>(TARGET_LABELS);
    labels.add("le");
    metrics.values().forEach(m -> labels.addAll(m.labels().keySet()));
    return labels;
  }
}
