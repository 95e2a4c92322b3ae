package io.dbprovision.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;

/**
 * A {@code monitoring.coreos.com/v1} PrometheusRule read from YAML. promtool does not understand
 * the manifest, only its {@code .spec} (a plain rule file), so {@link #writeRuleGroups(Path)}
 * writes that part out for it.
 */
record PrometheusRuleManifest(Path source, String name, JsonNode spec) {
  static final String API_VERSION = "monitoring.coreos.com/v1";
  private static final YAMLMapper YAML = new YAMLMapper();
  // The written rule files are for people too (plain Prometheus installs use them): multi-line
  // expressions stay blocks, and only what must be quoted is.
  private static final YAMLMapper RULE_FILE_WRITER = ruleFileWriter();

  private static YAMLMapper ruleFileWriter() {
    DumperOptions options = new DumperOptions();
    options.setSplitLines(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .dumperOptions(options)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    return new YAMLMapper(factory);
  }

  static PrometheusRuleManifest read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": not valid YAML", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": not a YAML mapping");
    }
    require(file, API_VERSION.equals(root.path("apiVersion").asText()), "apiVersion", API_VERSION);
    require(file, "PrometheusRule".equals(root.path("kind").asText()), "kind", "PrometheusRule");
    String name = root.path("metadata").path("name").asText("");
    require(file, !name.isBlank(), "metadata.name", "a name");
    JsonNode groups = root.path("spec").path("groups");
    require(file, groups.isArray() && !groups.isEmpty(), "spec.groups", "a non-empty list");
    return new PrometheusRuleManifest(file, name, root.get("spec"));
  }

  private static void require(Path file, boolean ok, String field, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(file + ": " + field + " must be " + expected);
    }
  }

  List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : spec.get("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(
            new Rule(
                source,
                group.path("name").asText(),
                text(rule, "alert"),
                text(rule, "record"),
                text(rule, "expr"),
                text(rule, "for"),
                strings(rule.path("labels")),
                strings(rule.path("annotations"))));
      }
    }
    return rules;
  }

  /** Writes {@code .spec} as a plain rule file named like the manifest into {@code dir}. */
  Path writeRuleGroups(Path dir) {
    Path out = dir.resolve(source.getFileName().toString());
    try {
      Files.createDirectories(dir);
      RULE_FILE_WRITER.writeValue(out.toFile(), spec);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : map.properties()) {
      out.put(field.getKey(), field.getValue().asText());
    }
    return out;
  }
}
