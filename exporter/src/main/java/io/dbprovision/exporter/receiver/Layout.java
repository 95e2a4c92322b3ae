package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.template.GoTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed {@code layout}: a map or list whose string leaves are templates, parsed once. Numbers and
 * booleans written in the YAML stay numbers and booleans (the Go tool turns them into null); every
 * rendered leaf is a string, as in the Go tool.
 */
final class Layout {
  private final Object root;

  private Layout(Object root) {
    this.root = root;
  }

  /**
   * @throws io.dbprovision.exporter.template.TemplateException naming the leaf's path
   */
  static Layout parse(String receiver, Object layout) {
    return new Layout(compile(receiver + ".layout", layout));
  }

  private static Object compile(String path, Object node) {
    if (node instanceof String text) {
      return GoTemplate.parse(path, text);
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> compiled = new LinkedHashMap<>();
      map.forEach((k, v) -> compiled.put(k.toString(), compile(path + "." + k, v)));
      return compiled;
    }
    if (node instanceof List<?> list) {
      List<Object> compiled = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        compiled.add(compile(path + "[" + i + "]", list.get(i)));
      }
      return compiled;
    }
    return node;
  }

  /**
   * The rendered tree.
   *
   * @throws io.dbprovision.exporter.template.TemplateException on the first leaf that fails
   */
  Object render(Object data) {
    return render(root, data);
  }

  private static Object render(Object node, Object data) {
    if (node instanceof GoTemplate template) {
      return template.execute(data);
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k.toString(), render(v, data)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(render(v, data)));
      return out;
    }
    return node;
  }
}
