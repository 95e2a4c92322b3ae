package io.dbprovision.exporter.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Go tool's {@code deDot}: dots in label and annotation keys (of the event and of its involved
 * object) become underscores, for sinks whose stores treat dots as nesting.
 */
final class DeDot {
  private DeDot() {}

  static Map<String, Object> apply(Map<String, Object> data) {
    Map<String, Object> out = new LinkedHashMap<>(data);
    deDotKeys(out, "Labels");
    deDotKeys(out, "Annotations");
    if (data.get("InvolvedObject") instanceof Map<?, ?> involved) {
      Map<String, Object> copy = new LinkedHashMap<>();
      involved.forEach((k, v) -> copy.put(String.valueOf(k), v));
      deDotKeys(copy, "Labels");
      deDotKeys(copy, "Annotations");
      out.put("InvolvedObject", copy);
    }
    return out;
  }

  private static void deDotKeys(Map<String, Object> map, String key) {
    if (map.get(key) instanceof Map<?, ?> values) {
      Map<String, Object> renamed = new LinkedHashMap<>();
      values.forEach((k, v) -> renamed.put(String.valueOf(k).replace('.', '_'), v));
      map.put(key, renamed);
    }
  }
}
