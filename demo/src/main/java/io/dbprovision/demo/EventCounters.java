package io.dbprovision.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The exporter's {@code dbprovision_events_total} series, read from its {@code /metrics} as
 * Prometheus would scrape them.
 */
final class EventCounters {
  static final String METRIC = "dbprovision_events_total";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI metrics;

  EventCounters(int port) {
    this.metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
  }

  /** Every series of the counter that has counted something (the zero series are left out). */
  List<String> counted() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + metrics + " answered " + response.statusCode());
    }
    return response.body().lines().filter(EventCounters::isCountedSeries).toList();
  }

  private static boolean isCountedSeries(String line) {
    if (!line.startsWith(METRIC + "{")) {
      return false;
    }
    String value = line.substring(line.lastIndexOf(' ') + 1);
    return Double.parseDouble(value) > 0;
  }

  /** Whether one of {@code series} counts Events of this kind, object and reason. */
  static boolean counts(List<String> series, String kind, String name, String reason) {
    return series.stream()
        .anyMatch(
            line ->
                line.contains("involved_object_kind=\"" + kind + "\"")
                    && line.contains("involved_object_name=\"" + name + "\"")
                    && line.contains("reason=\"" + reason + "\""));
  }
}
