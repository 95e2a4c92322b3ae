package io.dbprovision.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Grafana dashboard JSON file, with its panels and every PromQL query it runs. */
record GrafanaDashboard(Path source, JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.+),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");

  /**
   * One query.
   *
   * @param where the dashboard, panel or variable and refId, for messages
   * @param expr the PromQL as Grafana stores it (with template variables)
   * @param valuesOfLabel for a {@code label_values(selector, label)} variable, the label; else null
   */
  record Query(String where, String expr, String valuesOfLabel) {
    @Override
    public String toString() {
      return where;
    }
  }

  static GrafanaDashboard read(Path file) {
    try {
      return new GrafanaDashboard(file, JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": not valid JSON", e);
    }
  }

  String uid() {
    return json.path("uid").asText();
  }

  /** Every panel, including those nested in collapsed rows. */
  List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      panels.add(panel);
      for (JsonNode nested : panel.path("panels")) {
        panels.add(nested);
      }
    }
    return panels;
  }

  List<JsonNode> variables() {
    List<JsonNode> variables = new ArrayList<>();
    json.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  Optional<JsonNode> variable(String name) {
    return variables().stream().filter(v -> v.path("name").asText().equals(name)).findFirst();
  }

  /** The queries of every panel target and every query variable. */
  List<Query> queries() {
    String file = source.getFileName().toString();
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                file
                    + " panel "
                    + panel.path("id").asInt()
                    + " \""
                    + panel.path("title").asText()
                    + "\" ref "
                    + target.path("refId").asText(),
                target.path("expr").asText(),
                null));
      }
    }
    for (JsonNode variable : variables()) {
      if (!variable.path("type").asText().equals("query")) {
        continue;
      }
      JsonNode query = variable.path("query");
      String text = query.isObject() ? query.path("query").asText() : query.asText();
      String where = file + " variable " + variable.path("name").asText();
      Matcher labelValues = LABEL_VALUES.matcher(text);
      if (labelValues.matches()) {
        queries.add(new Query(where, labelValues.group(1), labelValues.group(2)));
      } else {
        queries.add(new Query(where, text, null));
      }
    }
    return queries;
  }

  /** Grafana's interval variables, as durations that suit a dashboard over the last hour. */
  static final Map<String, String> DEFAULT_INTERVALS =
      Map.of("__rate_interval", "5m", "__interval", "1m", "__range", "1h");

  /**
   * The expression with Grafana's template variables replaced so that Prometheus can parse it:
   * interval variables become durations, every other variable (which belongs inside a label
   * matcher's quoted value) becomes {@code .*}. A variable used anywhere else leaves PromQL that
   * does not parse, which is what we want the check to report.
   */
  static String withVariablesResolved(String expr) {
    return withVariablesResolved(expr, Map.of());
  }

  /**
   * As {@link #withVariablesResolved(String)}, with some variables given values (for example {@code
   * namespace}, or {@code __rate_interval} as a duration): they win over the defaults.
   */
  static String withVariablesResolved(String expr, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(DEFAULT_INTERVALS);
    all.putAll(values);
    String resolved = expr;
    for (Map.Entry<String, String> variable : all.entrySet()) {
      String name = Pattern.quote(variable.getKey());
      String value = Matcher.quoteReplacement(variable.getValue());
      resolved =
          resolved
              .replaceAll("\\$\\{" + name + "(:[A-Za-z]+)?}", value)
              .replaceAll("\\$" + name + "(?![A-Za-z0-9_])", value);
    }
    return resolved
        .replaceAll("\\$\\{[A-Za-z0-9_]+(:[A-Za-z]+)?}", ".*")
        .replaceAll("\\$[A-Za-z_][A-Za-z0-9_]*", ".*");
  }
}
