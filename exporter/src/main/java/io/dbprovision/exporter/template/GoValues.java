package io.dbprovision.exporter.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Go view of plain Java data: kinds, truth, comparison and type names. Integers ({@link Long},
 * {@link Integer}, {@link Short}, {@link Byte}) are one integer kind, as Go's comparison functions
 * treat all signed integer types alike; {@link Double}/{@link Float} are floats; {@link Map} is a
 * map with string keys, {@link List} a slice.
 */
final class GoValues {
  /** Go's invalid reflect.Value: the result of a missing map key or of a nil pipeline value. */
  static final Object NO_VALUE =
      new Object() {
        @Override
        public String toString() {
          return "<no value>";
        }
      };

  enum Kind {
    INVALID,
    NIL,
    BOOL,
    INT,
    FLOAT,
    STRING,
    MAP,
    SLICE,
    TIME,
    OTHER
  }

  private GoValues() {}

  static Kind kind(Object value) {
    if (value == NO_VALUE) {
      return Kind.INVALID;
    }
    if (value == null) {
      return Kind.NIL;
    }
    if (value instanceof String) {
      return Kind.STRING;
    }
    if (isInteger(value)) {
      return Kind.INT;
    }
    if (value instanceof Double || value instanceof Float) {
      return Kind.FLOAT;
    }
    if (value instanceof Boolean) {
      return Kind.BOOL;
    }
    if (value instanceof Map) {
      return Kind.MAP;
    }
    if (value instanceof List || value instanceof Object[]) {
      return Kind.SLICE;
    }
    if (value instanceof GoTime) {
      return Kind.TIME;
    }
    return Kind.OTHER;
  }

  static boolean isInteger(Object value) {
    return value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte;
  }

  /** Function arguments see Go's nil where templates see "no value". */
  static Object arg(Object value) {
    return value == NO_VALUE ? null : value;
  }

  /** Go's {@code isTrue}: zero values, empty collections and nil are false. */
  static boolean truth(Object value) {
    return switch (kind(value)) {
      case INVALID, NIL -> false;
      case BOOL -> (Boolean) value;
      case INT -> ((Number) value).longValue() != 0;
      case FLOAT -> ((Number) value).doubleValue() != 0;
      case STRING -> !((String) value).isEmpty();
      case MAP -> !((Map<?, ?>) value).isEmpty();
      case SLICE -> !elements(value).isEmpty();
      case TIME, OTHER -> true;
    };
  }

  static List<?> elements(Object slice) {
    if (slice instanceof Object[] array) {
      return java.util.Arrays.asList(array);
    }
    return (List<?>) slice;
  }

  /** Map keys in the order Go's fmt and range use: sorted. */
  static List<String> sortedKeys(Map<?, ?> map) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      keys.add(String.valueOf(key));
    }
    if (keys.size() > 1) {
      keys.sort(GoValues::compareStrings);
    }
    return keys;
  }

  /** Go compares strings by their UTF-8 bytes, which is code point order. */
  static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** Go's type name, for error messages and {@code %T}. */
  static String typeName(Object value) {
    return switch (kind(value)) {
      case INVALID, NIL -> "<nil>";
      case BOOL -> "bool";
      case INT -> value instanceof Long ? "int64" : "int";
      case FLOAT -> "float64";
      case STRING -> "string";
      case MAP -> "map[string]interface {}";
      case SLICE -> value instanceof StringSlice ? "[]string" : "[]interface {}";
      case TIME -> "time.Time";
      case OTHER -> value.getClass().getSimpleName();
    };
  }

  /** Go's {@code eq} for one pair: basic kinds only; mismatched kinds are an error. */
  static boolean equal(Object a, Object b) {
    Kind ka = comparisonKind(a);
    Kind kb = comparisonKind(b);
    if (ka != kb) {
      if (ka == Kind.NIL || kb == Kind.NIL) {
        return false;
      }
      throw new IllegalArgumentException("incompatible types for comparison");
    }
    return switch (ka) {
      case NIL -> true;
      case BOOL, STRING -> a.equals(b);
      case INT -> ((Number) a).longValue() == ((Number) b).longValue();
      case FLOAT -> ((Number) a).doubleValue() == ((Number) b).doubleValue();
      default ->
          throw new IllegalArgumentException(
              "non-comparable types " + typeName(a) + ", " + typeName(b));
    };
  }

  /** Go's {@code lt}: ints, floats and strings; anything else is an error. */
  static boolean less(Object a, Object b) {
    Kind ka = comparisonKind(a);
    Kind kb = comparisonKind(b);
    if (!isOrdered(ka) || !isOrdered(kb)) {
      throw new IllegalArgumentException("invalid type for comparison");
    }
    if (ka != kb) {
      throw new IllegalArgumentException("incompatible types for comparison");
    }
    return switch (ka) {
      case INT -> ((Number) a).longValue() < ((Number) b).longValue();
      case FLOAT -> ((Number) a).doubleValue() < ((Number) b).doubleValue();
      default -> compareStrings((String) a, (String) b) < 0;
    };
  }

  private static boolean isOrdered(Kind kind) {
    return kind == Kind.INT || kind == Kind.FLOAT || kind == Kind.STRING;
  }

  private static Kind comparisonKind(Object value) {
    Kind kind = kind(value);
    return kind == Kind.INVALID ? Kind.NIL : kind;
  }
}
