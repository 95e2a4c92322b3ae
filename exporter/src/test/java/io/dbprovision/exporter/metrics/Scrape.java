package io.dbprovision.exporter.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scrape of a {@code /metrics} endpoint over HTTP, in the Prometheus text format, as a map from
 * series ({@code name{label="value",...}} with labels sorted by name) to value.
 */
public final class Scrape {
  public final String contentType;
  public final String body;
  public final Map<String, Double> samples = new LinkedHashMap<>();

  private Scrape(String contentType, String body) {
    this.contentType = contentType;
    this.body = body;
    body.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(
            line -> {
              int split = line.lastIndexOf(' ');
              samples.put(
                  normalise(line.substring(0, split)),
                  Double.parseDouble(line.substring(split + 1)));
            });
  }

  public static Scrape of(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("scrape answered " + response.statusCode());
    }
    return new Scrape(response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  /** The series key for a name and label pairs given as k, v, k, v... */
  public static String series(String name, String... labels) {
    StringBuilder s = new StringBuilder(name).append('{');
    for (int i = 0; i < labels.length; i += 2) {
      s.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(labels[i + 1]).append('"');
    }
    return normalise(s.append('}').toString());
  }

  private static String normalise(String series) {
    int brace = series.indexOf('{');
    if (brace < 0) {
      return series;
    }
    String labels = series.substring(brace + 1, series.length() - 1);
    if (labels.isEmpty()) {
      return series.substring(0, brace);
    }
    return series.substring(0, brace)
        + "{"
        + Arrays.stream(labels.split(",(?=[a-zA-Z_]+=\")"))
            .sorted()
            .collect(Collectors.joining(","))
        + "}";
  }
}
