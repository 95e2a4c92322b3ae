package io.dbprovision.operator.testing;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The samples of a Prometheus text exposition, by series ({@code name{label="value",...}} exactly
 * as exposed: labels sorted by name).
 */
public final class Scrape {
  private final Map<String, Double> samples;
  private final String text;

  private Scrape(String text) {
    this.text = text;
    this.samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
  }

  public static Scrape of(String text) {
    return new Scrape(text);
  }

  /** What an HTTP scrape of the registry would return, without HTTP. */
  public static Scrape of(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Scrape(out.toString(StandardCharsets.UTF_8));
  }

  /** The value of a series given as name and label pairs (k1, v1, k2, v2, ...), if exposed. */
  public Optional<Double> value(String name, String... labels) {
    return Optional.ofNullable(samples.get(series(name, labels)));
  }

  /** The value of a series that must be exposed. */
  public double get(String name, String... labels) {
    return value(name, labels)
        .orElseThrow(
            () -> new AssertionError("no series " + series(name, labels) + " in:\n" + text));
  }

  /** The exposed form of a series: labels sorted by name, as the text format writes them. */
  public static String series(String name, String... labels) {
    if (labels.length == 0) {
      return name;
    }
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      sorted.put(labels[i], labels[i + 1]);
    }
    StringJoiner series = new StringJoiner(",", name + "{", "}");
    sorted.forEach((key, value) -> series.add(key + "=\"" + value + "\""));
    return series.toString();
  }

  public Map<String, Double> samples() {
    return samples;
  }

  public String text() {
    return text;
  }
}
