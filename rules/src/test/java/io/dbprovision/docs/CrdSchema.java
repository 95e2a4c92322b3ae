package io.dbprovision.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbprovision.api.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRD of one kind as the build generates it ({@code META-INF/fabric8/<crd name>-v1.yml} on the
 * test classpath), and its schema flattened into one {@link Field} per property path.
 */
final class CrdSchema {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ResourceKind kind;
  private final JsonNode crd;

  private CrdSchema(ResourceKind kind, JsonNode crd) {
    this.kind = kind;
    this.crd = crd;
  }

  static CrdSchema of(ResourceKind kind) {
    String resource = "/META-INF/fabric8/" + kind.crdName() + "-v1.yml";
    try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the test classpath; build operator/api first (-am)");
      }
      return new CrdSchema(kind, YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  ResourceKind kind() {
    return kind;
  }

  String scope() {
    return crd.path("spec").path("scope").asText();
  }

  /** The served version's {@code openAPIV3Schema}. */
  JsonNode schema() {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("name").asText().equals(ResourceKind.VERSION)) {
        return version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException(kind.crdName() + " has no version " + ResourceKind.VERSION);
  }

  /**
   * One property of the schema.
   *
   * @param path dotted path from the object's root; {@code []} marks the items of a list and {@code
   *     {}} the values of a map
   * @param defaultValue the default as JSON
   * @param values the enum, or empty when any value of the type goes
   * @param bounds numeric, length and item-count bounds, in words
   * @param rules the messages of the CEL rules the API server evaluates
   */
  record Field(
      String path,
      String type,
      boolean required,
      Optional<String> defaultValue,
      List<String> values,
      Optional<String> pattern,
      List<String> bounds,
      List<String> rules,
      String description) {}

  /** Every property under {@code top} ({@code spec} or {@code status}), depth first. */
  List<Field> fields(String top) {
    JsonNode node = schema().path("properties").path(top);
    List<Field> fields = new ArrayList<>();
    if (!node.isMissingNode()) {
      walk(top, node, false, fields);
    }
    return fields;
  }

  private static void walk(String path, JsonNode node, boolean required, List<Field> out) {
    out.add(
        new Field(
            path,
            typeOf(node),
            required,
            node.has("default") ? Optional.of(node.get("default").toString()) : Optional.empty(),
            texts(node.path("enum")),
            node.has("pattern") ? Optional.of(node.get("pattern").asText()) : Optional.empty(),
            bounds(node),
            rules(node),
            oneLine(node.path("description").asText(""))));
    JsonNode container = node;
    String prefix = path;
    if (node.has("items")) {
      container = node.get("items");
      prefix = path + "[]";
    } else if (node.path("additionalProperties").isObject()) {
      container = node.get("additionalProperties");
      prefix = path + "{}";
    }
    List<String> requiredNames = new ArrayList<>();
    container.path("required").forEach(n -> requiredNames.add(n.asText()));
    for (Map.Entry<String, JsonNode> property : container.path("properties").properties()) {
      walk(
          prefix + "." + property.getKey(),
          property.getValue(),
          requiredNames.contains(property.getKey()),
          out);
    }
  }

  static String typeOf(JsonNode node) {
    String type = node.path("type").asText("");
    if (type.equals("array")) {
      return "[]" + typeOf(node.path("items"));
    }
    if (type.equals("object") && node.path("additionalProperties").isObject()) {
      return "map[string]" + typeOf(node.get("additionalProperties"));
    }
    if (node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return type.isEmpty() ? "any" : type + " (any fields)";
    }
    return type.isEmpty() ? "any" : type;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> bounds(JsonNode node) {
    List<String> out = new ArrayList<>();
    bounds(node, "minimum", "maximum", "").ifPresent(out::add);
    bounds(node, "minLength", "maxLength", " characters").ifPresent(out::add);
    bounds(node, "minItems", "maxItems", " items").ifPresent(out::add);
    return out;
  }

  private static List<String> rules(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      out.add(rule.path("message").asText(rule.path("rule").asText()));
    }
    return out;
  }

  private static Optional<String> bounds(JsonNode node, String min, String max, String unit) {
    if (node.has(min) && node.has(max)) {
      return Optional.of(number(node.get(min)) + ".." + number(node.get(max)) + unit);
    }
    if (node.has(min)) {
      return Optional.of(">= " + number(node.get(min)) + unit);
    }
    if (node.has(max)) {
      return Optional.of("<= " + number(node.get(max)) + unit);
    }
    return Optional.empty();
  }

  /** The generator writes bounds as doubles ({@code 1.0}); whole numbers read better as such. */
  private static String number(JsonNode value) {
    double d = value.asDouble();
    return d == Math.rint(d) ? Long.toString((long) d) : value.asText();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
