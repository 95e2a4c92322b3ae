package io.dbprovision.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural part of what an API server checks against a CRD's OpenAPI schema: types, unknown
 * fields (which the server would prune silently), required fields, enums, patterns and bounds. CEL
 * rules are out of reach here. Problems name the path of the offending value.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  static List<String> problems(JsonNode value, JsonNode schema, String path) {
    List<String> problems = new ArrayList<>();
    check(value, schema, path, problems);
    return problems;
  }

  private static void check(JsonNode value, JsonNode schema, String path, List<String> out) {
    String type = schema.path("type").asText("");
    if (!hasType(value, type)) {
      out.add(path + ": expected " + type + " but was " + value.getNodeType().name().toLowerCase());
      return;
    }
    if (schema.has("enum")) {
      Set<String> allowed = new HashSet<>();
      schema.get("enum").forEach(v -> allowed.add(v.asText()));
      if (!allowed.contains(value.asText())) {
        out.add(path + ": " + value.asText() + " is not one of " + allowed);
      }
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (schema.has("pattern")
          && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
        out.add(path + ": " + text + " does not match " + schema.get("pattern").asText());
      }
      bounded(text.length(), schema, "minLength", "maxLength", path + " length", out);
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        out.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        out.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
      }
    }
    if (value.isArray()) {
      bounded(value.size(), schema, "minItems", "maxItems", path + " items", out);
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.path("items"), path + "[" + i + "]", out);
      }
    }
    if (value.isObject()) {
      checkObject(value, schema, path, out);
    }
  }

  private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> out) {
    schema
        .path("required")
        .forEach(
            name -> {
              if (!value.has(name.asText())) {
                out.add(path + "." + name.asText() + ": required but missing");
              }
            });
    boolean anyFields = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String fieldPath = path + "." + field.getKey();
      JsonNode fieldSchema = schema.path("properties").path(field.getKey());
      if (!fieldSchema.isMissingNode()) {
        check(field.getValue(), fieldSchema, fieldPath, out);
      } else if (schema.path("additionalProperties").isObject()) {
        check(field.getValue(), schema.get("additionalProperties"), fieldPath, out);
      } else if (!anyFields) {
        out.add(fieldPath + ": unknown field (the API server would drop it)");
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  private static void bounded(
      int size, JsonNode schema, String min, String max, String what, List<String> out) {
    if (schema.has(min) && size < schema.get(min).asInt()) {
      out.add(what + " " + size + " is below " + schema.get(min).asInt());
    }
    if (schema.has(max) && size > schema.get(max).asInt()) {
      out.add(what + " " + size + " is above " + schema.get(max).asInt());
    }
  }
}
