package io.dbprovision.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Prometheus really scraped from the operator and the exporter: each metric family with the
 * type its target declared and the label names and values its series carry.
 */
final class ScrapedMetrics {
  /** Series a histogram family exposes besides its name. */
  private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_sum", "_count");

  /**
   * One scraped family.
   *
   * @param type the type the target declared ({@code counter}, {@code gauge}, {@code histogram},
   *     {@code info}, ...), or {@code unknown} when it declared none (Prometheus' own {@code up})
   * @param labels label name to every value seen
   * @param jobs the jobs whose targets expose it
   */
  record Family(
      String name, String type, Map<String, Set<String>> labels, Set<String> jobs, int series) {}

  private final Map<String, Family> families;

  private ScrapedMetrics(Map<String, Family> families) {
    this.families = families;
  }

  /**
   * Every family whose series match the selector, with the types from Prometheus' metadata.
   *
   * @param targets the scrape targets' jobs to their {@code host:port}: a series' {@code job} and
   *     {@code instance} with those values are the scrape's labels, not the producer's (with {@code
   *     honor_labels}, a producer's own {@code instance} label is kept as it is)
   */
  static ScrapedMetrics from(
      PrometheusServer prometheus, String selector, Map<String, String> targets) {
    JsonNode metadata = prometheus.metadata();
    Map<String, String> names = new TreeMap<>();
    Map<String, Map<String, Set<String>>> labels = new TreeMap<>();
    Map<String, Set<String>> jobs = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode series : prometheus.series(selector)) {
      String seriesName = series.path("__name__").asText();
      String family = familyName(seriesName, metadata);
      names.put(family, type(family, metadata));
      Map<String, Set<String>> familyLabels = labels.computeIfAbsent(family, f -> new TreeMap<>());
      series
          .properties()
          .forEach(
              label -> {
                String name = label.getKey();
                String value = label.getValue().asText();
                boolean scrapeLabel =
                    name.equals("__name__")
                        || (name.equals("job") && targets.containsKey(value))
                        || (name.equals("instance") && targets.containsValue(value));
                boolean bucketBound = name.equals("le") && seriesName.endsWith("_bucket");
                if (!scrapeLabel && !bucketBound) {
                  familyLabels.computeIfAbsent(name, n -> new TreeSet<>()).add(value);
                }
              });
      jobs.computeIfAbsent(family, f -> new TreeSet<>()).add(series.path("job").asText());
      counts.merge(family, 1, Integer::sum);
    }
    Map<String, Family> families = new TreeMap<>();
    names.forEach(
        (name, type) ->
            families.put(
                name, new Family(name, type, labels.get(name), jobs.get(name), counts.get(name))));
    return new ScrapedMetrics(families);
  }

  /**
   * The family a series belongs to: a histogram's {@code _bucket}, {@code _sum} and {@code _count}
   * belong to the name without the suffix when the target declared that name a histogram.
   */
  private static String familyName(String seriesName, JsonNode metadata) {
    for (String suffix : HISTOGRAM_SUFFIXES) {
      if (seriesName.endsWith(suffix)) {
        String base = seriesName.substring(0, seriesName.length() - suffix.length());
        if (type(base, metadata).equals("histogram")) {
          return base;
        }
      }
    }
    return seriesName;
  }

  /**
   * The declared type. Prometheus asks for OpenMetrics, where a counter's family is named without
   * {@code _total} and an info's without {@code _info}: look the name up with and without them.
   */
  private static String type(String name, JsonNode metadata) {
    List<String> candidates = new ArrayList<>(List.of(name));
    for (String suffix : List.of("_total", "_info")) {
      if (name.endsWith(suffix)) {
        candidates.add(name.substring(0, name.length() - suffix.length()));
      }
    }
    for (String candidate : candidates) {
      JsonNode entries = metadata.path(candidate);
      if (entries.isArray() && !entries.isEmpty()) {
        return entries.get(0).path("type").asText();
      }
    }
    return "unknown";
  }

  Optional<Family> family(String name) {
    return Optional.ofNullable(families.get(name));
  }

  Set<String> names() {
    return families.keySet();
  }

  /** As the metrics the reference check knows, with the contract's entries for those missing. */
  ProjectMetrics asProjectMetrics(List<ProjectMetrics.Metric> missingFromContract) {
    List<ProjectMetrics.Metric> metrics = new ArrayList<>();
    for (Family family : families.values()) {
      Map<String, Set<String>> anyValue = new TreeMap<>();
      family.labels().keySet().forEach(l -> anyValue.put(l, Set.of()));
      metrics.add(
          new ProjectMetrics.Metric(
              family.name(), family.type(), String.join(",", family.jobs()), true, anyValue));
    }
    metrics.addAll(missingFromContract);
    return ProjectMetrics.of(metrics);
  }
}
