package io.dbprovision.exporter.template;

import java.util.List;
import java.util.Map;

/**
 * Go's {@code encoding/json.Marshal} and {@code MarshalIndent(v, "", " ")} over our value model,
 * byte for byte: sorted map keys, HTML-safe escaping ({@code < > &} as {@code \u003c} ...), {@code
 * \u2028}/{@code \u2029} escaped, floats in Go's shortest form (exponent below 1e-6 and from 1e21).
 */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /** Throws {@link IllegalArgumentException} for values JSON cannot carry (NaN, infinities). */
  static String marshal(Object value, boolean indent) {
    StringBuilder out = new StringBuilder(64);
    write(out, value, indent ? 0 : -1);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int depth) {
    switch (GoValues.kind(value)) {
      case INVALID, NIL -> out.append("null");
      case BOOL -> out.append(value);
      case INT -> out.append(((Number) value).longValue());
      case FLOAT -> writeFloat(out, ((Number) value).doubleValue());
      case STRING -> writeString(out, (String) value);
      case TIME ->
          writeString(
              out, GoTimeLayout.format(((GoTime) value).zoned(), GoTimeLayout.RFC3339_NANO));
      case MAP -> {
        Map<?, ?> map = (Map<?, ?>) value;
        if (map.isEmpty()) {
          out.append("{}");
          return;
        }
        out.append('{');
        boolean first = true;
        for (String key : GoValues.sortedKeys(map)) {
          if (!first) {
            out.append(',');
          }
          first = false;
          newline(out, child(depth));
          writeString(out, key);
          out.append(depth >= 0 ? ": " : ":");
          write(out, map.get(key), child(depth));
        }
        newline(out, depth);
        out.append('}');
      }
      case SLICE -> {
        List<?> items = GoValues.elements(value);
        if (items.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          newline(out, child(depth));
          write(out, items.get(i), child(depth));
        }
        newline(out, depth);
        out.append(']');
      }
      case OTHER -> writeString(out, String.valueOf(value));
    }
  }

  private static int child(int depth) {
    return depth < 0 ? -1 : depth + 1;
  }

  private static void newline(StringBuilder out, int depth) {
    if (depth < 0) {
      return;
    }
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private static void writeFloat(StringBuilder out, double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new IllegalArgumentException(
          "json: unsupported value: " + GoFmt.formatFloat(f, 'g', -1));
    }
    double abs = Math.abs(f);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String s = GoFmt.formatFloat(f, 'e', -1);
      // Go writes e-07 as e-7.
      int n = s.length();
      if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
      out.append(s);
    } else {
      out.append(GoFmt.formatFloat(f, 'f', -1));
    }
  }

  static void writeString(StringBuilder out, String s) {
    out.append('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = null;
      if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&') {
        escape =
            switch (c) {
              case '"' -> "\\\"";
              case '\\' -> "\\\\";
              case '\n' -> "\\n";
              case '\r' -> "\\r";
              case '\t' -> "\\t";
              case '\b' -> "\\b";
              case '\f' -> "\\f";
              default -> unicodeEscape(c);
            };
      } else if (c == '\u2028' || c == '\u2029') {
        escape = unicodeEscape(c);
      } else if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
        if (paired) {
          i++;
          continue;
        }
        escape = "\ufffd";
      }
      if (escape != null) {
        out.append(s, start, i).append(escape);
        start = i + 1;
      }
    }
    out.append(s, start, s.length()).append('"');
  }

  private static String unicodeEscape(char c) {
    return "\\u" + HEX[(c >> 12) & 0xf] + HEX[(c >> 8) & 0xf] + HEX[(c >> 4) & 0xf] + HEX[c & 0xf];
  }
}
