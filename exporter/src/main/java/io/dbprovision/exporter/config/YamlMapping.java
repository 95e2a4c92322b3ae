package io.dbprovision.exporter.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping being read at a known path. Every accessor records the key as known, expands
 * {@code ${VAR}} in scalars and reports type errors with the key's path; {@link #finish()} reports
 * the keys nobody asked for. A YAML null ({@code key:} with nothing after it) reads as "not set",
 * as in the Go tool's examples ({@code color: # optional}).
 */
final class YamlMapping {
  private final JsonNode node;
  private final String path;
  private final Reading reading;
  private final Set<String> known = new HashSet<>();

  /** What every mapping of one file shares: the problem list, the environment, strictness. */
  record Reading(ConfigProblems problems, EnvExpander env, boolean strict) {}

  private YamlMapping(JsonNode node, String path, Reading reading) {
    this.node = node;
    this.path = path;
    this.reading = reading;
  }

  /** The mapping at a path; anything else (a list, a scalar) is reported and reads as empty. */
  static YamlMapping of(JsonNode node, String path, Reading reading) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new YamlMapping(MissingNode.getInstance(), path, reading);
    }
    if (!node.isObject()) {
      reading.problems().error(path, "must be a mapping");
      return new YamlMapping(MissingNode.getInstance(), path, reading);
    }
    return new YamlMapping(node, path, reading);
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigProblems problems() {
    return reading.problems();
  }

  /** Whether the key is present with a non-null value (marks it known). */
  boolean has(String key) {
    known.add(key);
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** The keys present, in file order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.properties().forEach(field -> keys.add(field.getKey()));
    return keys;
  }

  /** Whether the key holds a mapping (marks it known). */
  boolean isMapping(String key) {
    JsonNode value = value(key);
    return value != null && value.isObject();
  }

  String string(String key, String defaultValue) {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    return scalar(value, pathOf(key), defaultValue);
  }

  long integer(String key, long defaultValue) {
    String text = string(key, null);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      reading.problems().error(pathOf(key), "must be a whole number");
      return defaultValue;
    }
  }

  double number(String key, double defaultValue) {
    String text = string(key, null);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      reading.problems().error(pathOf(key), "must be a number");
      return defaultValue;
    }
  }

  boolean bool(String key, boolean defaultValue) {
    String text = string(key, null);
    if (text == null) {
      return defaultValue;
    }
    return switch (text.trim()) {
      case "true", "True", "TRUE" -> true;
      case "false", "False", "FALSE" -> false;
      default -> {
        reading.problems().error(pathOf(key), "must be true or false");
        yield defaultValue;
      }
    };
  }

  YamlMapping mapping(String key) {
    return of(value(key), pathOf(key), reading);
  }

  /** A list of mappings; a missing key is an empty list. */
  List<YamlMapping> mappings(String key) {
    JsonNode value = value(key);
    List<YamlMapping> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (!value.isArray()) {
      reading.problems().error(pathOf(key), "must be a list");
      return items;
    }
    for (int i = 0; i < value.size(); i++) {
      items.add(of(value.get(i), pathOf(key) + "[" + i + "]", reading));
    }
    return items;
  }

  /** A list of strings; a single string is accepted as a one-item list. */
  List<String> strings(String key) {
    JsonNode value = value(key);
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (!value.isArray()) {
      String one = scalar(value, pathOf(key), null);
      if (one != null) {
        items.add(one);
      }
      return items;
    }
    for (int i = 0; i < value.size(); i++) {
      String item = scalar(value.get(i), pathOf(key) + "[" + i + "]", null);
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** A mapping of strings to strings, in file order. */
  Map<String, String> stringMap(String key) {
    JsonNode value = value(key);
    Map<String, String> map = new LinkedHashMap<>();
    if (value == null) {
      return map;
    }
    if (!value.isObject()) {
      reading.problems().error(pathOf(key), "must be a mapping");
      return map;
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String item = scalar(field.getValue(), pathOf(key) + "." + field.getKey(), "");
      map.put(field.getKey(), item);
    }
    return map;
  }

  /**
   * A free-form tree (a {@code layout}) as plain Java data: maps keep their order, strings are
   * expanded, numbers and booleans keep their type (the Go tool nulls them). Null when absent.
   */
  Object tree(String key) {
    JsonNode value = value(key);
    return value == null ? null : toJava(value, pathOf(key));
  }

  /** Reports every key no accessor asked for: a warning, or an error under strict mode. */
  void finish() {
    for (String key : keys()) {
      if (!known.contains(key)) {
        String message = "unknown key '" + key + "'";
        if (reading.strict()) {
          reading.problems().error(pathOf(key), message);
        } else {
          reading.problems().warning(pathOf(key), message + " (ignored)");
        }
      }
    }
  }

  private JsonNode value(String key) {
    known.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  private String scalar(JsonNode value, String at, String defaultValue) {
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (value.isContainerNode()) {
      reading.problems().error(at, "must be a single value, not a " + describe(value));
      return defaultValue;
    }
    return reading.env().expand(value.asText(), at, reading.problems());
  }

  private Object toJava(JsonNode value, String at) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        map.put(field.getKey(), toJava(field.getValue(), at + "." + field.getKey()));
      }
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        list.add(toJava(value.get(i), at + "[" + i + "]"));
      }
      return list;
    }
    if (value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return reading.env().expand(value.asText(), at, reading.problems());
  }

  private static String describe(JsonNode value) {
    return value.isArray() ? "list" : "mapping";
  }
}
