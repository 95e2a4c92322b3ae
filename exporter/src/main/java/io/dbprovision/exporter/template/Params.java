package io.dbprovision.exporter.template;

import java.util.Map;

/**
 * Reads function arguments the way Go assigns them to typed parameters: a {@code string} parameter
 * takes only strings, an {@code int} parameter any integer, a map parameter a map or nil.
 */
final class Params {
  private Params() {}

  static String string(Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw wrongType("string", value);
  }

  static int integer(Object value) {
    if (GoValues.isInteger(value)) {
      return Math.toIntExact(((Number) value).longValue());
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return (int) d.doubleValue();
    }
    throw wrongType("int", value);
  }

  static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongType("bool", value);
  }

  /** A {@code map[string]interface{}} parameter; nil is an empty map. */
  static Map<?, ?> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw wrongType("map[string]interface {}", value);
  }

  private static WrongArgument wrongType(String expected, Object value) {
    if (value == null) {
      return new WrongArgument("invalid value; expected " + expected);
    }
    return new WrongArgument(
        "wrong type for value; expected " + expected + "; got " + GoValues.typeName(value));
  }
}
