package io.dbprovision.exporter.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real Go {@code text/template} with Sprig, reached through Helm's engine (helm-java, offline).
 *
 * <p>Each template becomes a chart file {@code templates/_ID.tpl}; Helm names every file's template
 * after its path, so {@code include "oracle/templates/_ID.tpl"} runs it with the event as dot. One
 * {@code helm template} call renders the whole corpus for one event: {@code templates/out.yaml} has
 * one line per template, {@code ID: {{ include ... | toJson }}}, which keeps Helm's YAML check
 * happy and carries any output, newlines included, as a JSON string.
 *
 * <p>Helm quirks accounted for:
 *
 * <ul>
 *   <li>Helm replaces the text {@code <no value>} in rendered files with the empty string. The
 *       {@code toJson} wrapper escapes {@code <} and {@code >} as {@code \u003c}/{@code \u003e}, so
 *       Go's marker reaches us intact and is compared like any other output.
 *   <li>Numbers in a values file arrive in Go as float64 ({@code 4} would still print as {@code 4},
 *       but {@code 1795511702000} as {@code 1.795511702e+12}). Integer leaves are therefore also
 *       passed with {@code --set}, which Helm parses as int64, as Go code holding the event would
 *       have them.
 *   <li>Helm runs templates with {@code missingkey=zero}: a field chain through a missing key
 *       ({@code .Missing.X}) is an error there, where plain Go prints {@code <no value>}. The
 *       fixtures therefore always carry the maps such chains go through (possibly empty).
 * </ul>
 */
final class HelmOracle {
  private static final String CHART = "oracle";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path chart;
  private final List<TemplateCorpus.Entry> entries;

  HelmOracle(Path directory, List<TemplateCorpus.Entry> entries) throws IOException {
    this.chart = directory.resolve(CHART);
    this.entries = entries;
    Path templates = Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + CHART + "\nversion: 0.1.0\n");
    StringBuilder out = new StringBuilder();
    for (TemplateCorpus.Entry entry : entries) {
      Files.writeString(
          templates.resolve("_" + entry.id() + ".tpl"), entry.text(), StandardCharsets.UTF_8);
      out.append(entry.id())
          .append(": {{ include \"")
          .append(CHART)
          .append("/templates/_")
          .append(entry.id())
          .append(".tpl\" .Values.ev | toJson }}\n");
    }
    Files.writeString(templates.resolve("out.yaml"), out.toString(), StandardCharsets.UTF_8);
  }

  /** Every entry's output for one event, by entry id. */
  Map<String, String> render(Map<String, Object> event) {
    try {
      Path values = Files.createTempFile(chart.getParent(), "values", ".json");
      Files.writeString(values, JSON.writeValueAsString(Map.of("ev", event)));
      TemplateCommand command =
          new Helm(chart).template().withName("conformance").withValuesFile(values);
      for (Map.Entry<String, Object> integer : integerLeaves("ev", event).entrySet()) {
        command = command.set(integer.getKey(), integer.getValue());
      }
      return parse(command.call());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> parse(String manifest) throws IOException {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String line : manifest.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0 && !line.startsWith("#")) {
        outputs.put(
            line.substring(0, colon), JSON.readValue(line.substring(colon + 2), String.class));
      }
    }
    if (outputs.size() != entries.size()) {
      throw new IllegalStateException(
          "helm rendered " + outputs.size() + " of " + entries.size() + " templates:\n" + manifest);
    }
    return outputs;
  }

  private static Map<String, Object> integerLeaves(String path, Map<?, ?> map) {
    Map<String, Object> leaves = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = path + "." + escape(String.valueOf(entry.getKey()));
      Object value = entry.getValue();
      if (value instanceof Integer || value instanceof Long) {
        leaves.put(key, value);
      } else if (value instanceof Map<?, ?> nested) {
        leaves.putAll(integerLeaves(key, nested));
      } else if (value instanceof List<?> list
          && list.stream().anyMatch(v -> v instanceof Integer || v instanceof Long)) {
        throw new IllegalArgumentException("integers inside lists are not supported: " + key);
      }
    }
    return leaves;
  }

  /** Helm's --set path syntax gives meaning to these characters in keys. */
  private static String escape(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      if ("\\.,=[]".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
