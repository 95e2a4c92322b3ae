package io.dbprovision.exporter.config;

import java.util.Map;

/**
 * One {@code drop} or {@code match} rule as written. Empty strings and maps mean "not set"; the Go
 * tool compares every set field as an unanchored regular expression (see {@code route/}).
 *
 * @param name optional rule name (the Go tool passes it to sinks; kept for parity)
 * @param minCount the rule matches only events whose count is at least this (0 = always)
 * @param receiver where a matching {@code match} rule sends; empty for a pure filter
 */
public record RuleConfig(
    String name,
    String message,
    String apiVersion,
    String kind,
    String namespace,
    String reason,
    String type,
    String component,
    String host,
    Map<String, String> labels,
    Map<String, String> annotations,
    int minCount,
    String receiver) {

  public RuleConfig {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
