package io.dbprovision.exporter.template;

import static io.dbprovision.exporter.template.FunctionRegistry.VARIADIC;
import static io.dbprovision.exporter.template.FunctionRegistry.add;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Go's predefined template functions ({@code text/template/funcs.go}). */
final class Builtins {
  private Builtins() {}

  static void register(Map<String, FunctionRegistry.Entry> entries) {
    entries.put(
        "and",
        new FunctionRegistry.Entry(
            "and", 1, VARIADIC, args -> null, FunctionRegistry.Evaluation.AND));
    entries.put(
        "or",
        new FunctionRegistry.Entry(
            "or", 1, VARIADIC, args -> null, FunctionRegistry.Evaluation.OR));
    add(entries, "not", 1, 1, args -> !GoValues.truth(args[0]));
    add(entries, "eq", 1, VARIADIC, Builtins::eq);
    add(entries, "ne", 2, 2, args -> !GoValues.equal(args[0], args[1]));
    add(entries, "lt", 2, 2, args -> GoValues.less(args[0], args[1]));
    add(
        entries,
        "le",
        2,
        2,
        args -> GoValues.less(args[0], args[1]) || GoValues.equal(args[0], args[1]));
    add(
        entries,
        "gt",
        2,
        2,
        args -> !GoValues.less(args[0], args[1]) && !GoValues.equal(args[0], args[1]));
    add(entries, "ge", 2, 2, args -> !GoValues.less(args[0], args[1]));
    add(entries, "len", 1, 1, args -> length(args[0]));
    add(entries, "index", 1, VARIADIC, Builtins::index);
    add(entries, "print", 0, VARIADIC, GoFmt::sprint);
    add(entries, "println", 0, VARIADIC, GoFmt::sprintln);
    add(
        entries,
        "printf",
        1,
        VARIADIC,
        args ->
            GoFmt.sprintf(
                Params.string(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length)));
    add(entries, "html", 0, VARIADIC, args -> html(evalArgs(args)));
    add(entries, "js", 0, VARIADIC, args -> js(evalArgs(args)));
    add(entries, "urlquery", 0, VARIADIC, args -> queryEscape(evalArgs(args)));
  }

  private static Object eq(Object[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("missing argument for comparison");
    }
    for (int i = 1; i < args.length; i++) {
      if (GoValues.equal(args[0], args[i])) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code len}: bytes of a string (UTF-8), elements of a slice or map. */
  static long length(Object value) {
    return switch (GoValues.kind(value)) {
      case STRING -> utf8Length((String) value);
      case SLICE -> GoValues.elements(value).size();
      case MAP -> ((Map<?, ?>) value).size();
      case INVALID, NIL -> throw new IllegalArgumentException("len of nil pointer");
      default -> throw new IllegalArgumentException("len of type " + GoValues.typeName(value));
    };
  }

  static int utf8Length(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n;
  }

  private static Object index(Object[] args) {
    Object item = args[0];
    if (item == null) {
      throw new IllegalArgumentException("index of untyped nil");
    }
    for (int i = 1; i < args.length; i++) {
      Object key = args[i];
      if (item == null) {
        throw new IllegalArgumentException("index of nil pointer");
      }
      switch (GoValues.kind(item)) {
        case SLICE -> {
          List<?> items = GoValues.elements(item);
          item = items.get(position(key, items.size()));
        }
        case STRING -> {
          byte[] bytes = ((String) item).getBytes(StandardCharsets.UTF_8);
          item = (long) (bytes[position(key, bytes.length)] & 0xff);
        }
        case MAP -> {
          if (key == null) {
            throw new IllegalArgumentException("value is nil; should be of type string");
          }
          if (!(key instanceof String)) {
            throw new IllegalArgumentException(
                "value has type " + GoValues.typeName(key) + "; should be string");
          }
          item = ((Map<?, ?>) item).get(key);
        }
        default ->
            throw new IllegalArgumentException(
                "can't index item of type " + GoValues.typeName(item));
      }
    }
    return item;
  }

  private static int position(Object key, int length) {
    if (key == null) {
      throw new IllegalArgumentException("cannot index slice/array with nil");
    }
    if (!GoValues.isInteger(key)) {
      throw new IllegalArgumentException(
          "cannot index slice/array with type " + GoValues.typeName(key));
    }
    long x = ((Number) key).longValue();
    if (x < 0 || x >= length) {
      throw new IllegalArgumentException("index out of range: " + x);
    }
    return (int) x;
  }

  /** The text of html/js/urlquery arguments: like Sprint, but nil shows as "no value". */
  private static String evalArgs(Object[] args) {
    if (args.length == 1 && args[0] instanceof String s) {
      return s;
    }
    Object[] printable = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      printable[i] = args[i] == null ? "<no value>" : args[i];
    }
    return GoFmt.sprint(printable);
  }

  /** Go's {@code url.QueryEscape}: like URLEncoder, except for {@code *} and {@code ~}. */
  private static String queryEscape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }

  private static String html(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\0' -> out.append('\uFFFD');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String js(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      switch (r) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '<' -> out.append("\\u003C");
        case '>' -> out.append("\\u003E");
        case '&' -> out.append("\\u0026");
        case '=' -> out.append("\\u003D");
        default -> {
          if (r < ' ') {
            out.append(String.format("\\u%04X", r));
          } else if (r < 0x80 || GoFmt.isPrint(r)) {
            out.appendCodePoint(r);
          } else {
            out.append(String.format("\\u%04X", r));
          }
        }
      }
    }
    return out.toString();
  }
}
