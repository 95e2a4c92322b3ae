package io.dbprovision.rules;

import java.nio.file.Path;
import java.util.Map;

/**
 * One alerting or recording rule of a PrometheusRule manifest.
 *
 * @param alert the alert name, or null for a recording rule
 * @param record the recorded series name, or null for an alert
 * @param forDuration the {@code for} field as written, or null when absent
 */
record Rule(
    Path source,
    String group,
    String alert,
    String record,
    String expr,
    String forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  boolean isAlert() {
    return alert != null;
  }

  String name() {
    return isAlert() ? alert : record;
  }

  @Override
  public String toString() {
    return name();
  }
}
