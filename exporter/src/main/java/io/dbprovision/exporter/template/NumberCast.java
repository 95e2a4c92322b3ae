package io.dbprovision.exporter.template;

/**
 * Sprig's number conversions ({@code spf13/cast} with errors ignored): integers as they are, floats
 * truncated, bools as 1/0, strings parsed with Go's base prefixes, anything else 0.
 */
final class NumberCast {
  private NumberCast() {}

  static long toInt64(Object value) {
    if (GoValues.isInteger(value)) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return (long) ((Number) value).doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof String s) {
      return parseInteger(trimZeroDecimal(s));
    }
    return 0;
  }

  static double toFloat64(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof String s) {
      try {
        String t = s.replace("_", "");
        if (t.isEmpty()
            || t.endsWith("d")
            || t.endsWith("f")
            || t.endsWith("D")
            || t.endsWith("F")) {
          return 0;
        }
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** "12.00" reads as "12", as cast does before parsing an integer. */
  private static String trimZeroDecimal(String s) {
    int dot = s.indexOf('.');
    if (dot <= 0) {
      return s;
    }
    for (int i = dot + 1; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return s;
      }
    }
    return s.substring(0, dot);
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)}; 0 when it does not parse. */
  private static long parseInteger(String s) {
    String t = s;
    boolean negative = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      negative = t.charAt(0) == '-';
      t = t.substring(1);
    }
    int radix = 10;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      t = t.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      t = t.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      t = t.substring(2);
    } else if (t.length() > 1 && t.startsWith("0")) {
      radix = 8;
      t = t.substring(1);
    } else if (t.contains("_")) {
      return 0;
    }
    t = t.replace("_", "");
    if (t.isEmpty() || t.startsWith("+") || t.startsWith("-")) {
      return 0;
    }
    try {
      long v = Long.parseLong(t, radix);
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
