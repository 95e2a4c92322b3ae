package io.dbprovision.exporter.template;

import static io.dbprovision.exporter.template.FunctionRegistry.VARIADIC;
import static io.dbprovision.exporter.template.FunctionRegistry.add;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Sprig (v3) functions that event-exporter configurations use, with Sprig's semantics: string
 * functions take the subject last ({@code trimPrefix "x" .S}), arithmetic converts its operands to
 * int64 (strings parse, floats truncate, anything else is 0), {@code trunc}/{@code substr}/{@code
 * abbrev} count UTF-8 bytes as Go slices do.
 */
final class SprigFunctions {
  private SprigFunctions() {}

  static void register(Map<String, FunctionRegistry.Entry> e, Clock clock) {
    add(e, "toJson", 1, 1, args -> json(args[0], false));
    add(e, "toPrettyJson", 1, 1, args -> json(args[0], true));
    add(e, "toString", 1, 1, args -> strval(args[0]));
    add(e, "default", 1, VARIADIC, args -> args.length < 2 || empty(args[1]) ? args[0] : args[1]);
    add(e, "empty", 1, 1, args -> empty(args[0]));
    add(e, "coalesce", 0, VARIADIC, SprigFunctions::coalesce);
    add(e, "upper", 1, 1, args -> GoStrings.upper(Params.string(args[0])));
    add(e, "lower", 1, 1, args -> GoStrings.lower(Params.string(args[0])));
    add(e, "title", 1, 1, args -> GoStrings.title(Params.string(args[0])));
    add(e, "trim", 1, 1, args -> GoStrings.trimSpace(Params.string(args[0])));
    add(e, "trimPrefix", 2, 2, args -> trimPrefix(Params.string(args[0]), Params.string(args[1])));
    add(e, "trimSuffix", 2, 2, args -> trimSuffix(Params.string(args[0]), Params.string(args[1])));
    add(e, "trunc", 2, 2, args -> trunc(Params.integer(args[0]), Params.string(args[1])));
    add(e, "abbrev", 2, 2, args -> abbrev(Params.integer(args[0]), Params.string(args[1])));
    add(e, "quote", 0, VARIADIC, args -> quote(args, false));
    add(e, "squote", 0, VARIADIC, args -> quote(args, true));
    add(
        e,
        "replace",
        3,
        3,
        args -> Params.string(args[2]).replace(Params.string(args[0]), Params.string(args[1])));
    add(e, "contains", 2, 2, args -> Params.string(args[1]).contains(Params.string(args[0])));
    add(e, "hasPrefix", 2, 2, args -> Params.string(args[1]).startsWith(Params.string(args[0])));
    add(e, "hasSuffix", 2, 2, args -> Params.string(args[1]).endsWith(Params.string(args[0])));
    add(e, "repeat", 2, 2, args -> repeat(Params.integer(args[0]), Params.string(args[1])));
    add(
        e,
        "substr",
        3,
        3,
        args -> substr(Params.integer(args[0]), Params.integer(args[1]), Params.string(args[2])));
    add(e, "indent", 2, 2, args -> indent(Params.integer(args[0]), Params.string(args[1])));
    add(e, "nindent", 2, 2, args -> "\n" + indent(Params.integer(args[0]), Params.string(args[1])));
    add(e, "join", 2, 2, args -> String.join(Params.string(args[0]), strslice(args[1])));
    add(e, "splitList", 2, 2, args -> split(Params.string(args[1]), Params.string(args[0])));
    add(e, "sortAlpha", 1, 1, args -> sortAlpha(args[0]));
    add(e, "list", 0, VARIADIC, args -> Collections.unmodifiableList(Arrays.asList(args)));
    add(e, "append", 2, 2, args -> withElement(args[0], args[1], "push", false));
    add(e, "prepend", 2, 2, args -> withElement(args[0], args[1], "prepend", true));
    add(e, "first", 1, 1, args -> element(args[0], "first", true));
    add(e, "last", 1, 1, args -> element(args[0], "last", false));
    add(e, "dict", 0, VARIADIC, SprigFunctions::dict);
    add(e, "get", 2, 2, args -> get(Params.map(args[0]), Params.string(args[1])));
    add(e, "hasKey", 2, 2, args -> Params.map(args[0]).containsKey(Params.string(args[1])));
    add(e, "keys", 0, VARIADIC, SprigFunctions::keys);
    add(e, "now", 0, 0, args -> new GoTime(clock.instant(), clock.getZone()));
    add(e, "date", 2, 2, args -> date(Params.string(args[0]), args[1], clock.getZone(), clock));
    add(
        e,
        "dateInZone",
        3,
        3,
        args -> date(Params.string(args[0]), args[1], zone(Params.string(args[2]), clock), clock));
    add(e, "unixEpoch", 1, 1, args -> Long.toString(time(args[0]).instant().getEpochSecond()));
    add(e, "add", 0, VARIADIC, SprigFunctions::sum);
    add(e, "sub", 2, 2, args -> NumberCast.toInt64(args[0]) - NumberCast.toInt64(args[1]));
    add(e, "mul", 1, VARIADIC, SprigFunctions::product);
    add(e, "div", 2, 2, args -> NumberCast.toInt64(args[0]) / NumberCast.toInt64(args[1]));
    add(e, "mod", 2, 2, args -> NumberCast.toInt64(args[0]) % NumberCast.toInt64(args[1]));
    add(e, "max", 1, VARIADIC, args -> extreme(args, true));
    add(e, "min", 1, VARIADIC, args -> extreme(args, false));
    add(e, "int", 1, 1, args -> NumberCast.toInt64(args[0]));
    add(e, "int64", 1, 1, args -> NumberCast.toInt64(args[0]));
    add(e, "float64", 1, 1, args -> NumberCast.toFloat64(args[0]));
    add(
        e,
        "b64enc",
        1,
        1,
        args ->
            Base64.getEncoder()
                .encodeToString(Params.string(args[0]).getBytes(StandardCharsets.UTF_8)));
    add(e, "b64dec", 1, 1, args -> GoBase64.decodeOrError(Params.string(args[0])));
    add(e, "sha256sum", 1, 1, args -> sha256(Params.string(args[0])));
    add(
        e,
        "regexMatch",
        2,
        2,
        args -> GoRegex.match(Params.string(args[0]), Params.string(args[1])));
    add(
        e,
        "regexReplaceAll",
        3,
        3,
        args ->
            GoRegex.replaceAll(
                Params.string(args[0]), Params.string(args[1]), Params.string(args[2])));
    add(e, "ternary", 3, 3, args -> Params.bool(args[2]) ? args[0] : args[1]);
  }

  private static String json(Object value, boolean indent) {
    try {
      return GoJson.marshal(value, indent);
    } catch (IllegalArgumentException e) {
      // Sprig's toJson swallows marshalling errors.
      return "";
    }
  }

  /** Sprig's {@code strval}: strings as they are, everything else as {@code %v} prints it. */
  static String strval(Object value) {
    return value instanceof String s ? s : GoFmt.toString(value);
  }

  /** Sprig's {@code empty}: nil, zero numbers, false, and empty strings/slices/maps. */
  static boolean empty(Object value) {
    return switch (GoValues.kind(value)) {
      case INVALID, NIL -> true;
      case TIME -> false;
      default -> !GoValues.truth(value);
    };
  }

  private static Object coalesce(Object[] args) {
    for (Object arg : args) {
      if (!empty(arg)) {
        return arg;
      }
    }
    return null;
  }

  private static String trimPrefix(String prefix, String s) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private static String trimSuffix(String suffix, String s) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  private static String trunc(int c, String s) {
    int length = Builtins.utf8Length(s);
    if (c < 0 && length + c > 0) {
      return GoStrings.bytes(s, length + c, length);
    }
    if (c >= 0 && length > c) {
      return GoStrings.bytes(s, 0, c);
    }
    return s;
  }

  private static String abbrev(int width, String s) {
    if (width < 4 || Builtins.utf8Length(s) <= width) {
      return s;
    }
    return GoStrings.bytes(s, 0, width - 3) + "...";
  }

  private static String substr(int start, int end, String s) {
    int length = Builtins.utf8Length(s);
    if (start < 0) {
      return GoStrings.bytes(s, 0, end);
    }
    if (end < 0 || end > length) {
      return GoStrings.bytes(s, start, length);
    }
    return GoStrings.bytes(s, start, end);
  }

  private static String quote(Object[] args, boolean single) {
    StringBuilder out = new StringBuilder();
    for (Object arg : args) {
      if (arg == null) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      String s = strval(arg);
      out.append(single ? "'" + s + "'" : GoFmt.quote(s, false));
    }
    return out.toString();
  }

  private static String repeat(int count, String s) {
    if (count < 0) {
      throw new IllegalArgumentException("strings: negative Repeat count");
    }
    if ((long) count * s.length() > GoStrings.MAX_LENGTH) {
      throw new IllegalArgumentException("strings: Repeat output too large");
    }
    return s.repeat(count);
  }

  private static String indent(int spaces, String s) {
    String pad = spaces > 0 ? " ".repeat(spaces) : "";
    return pad + s.replace("\n", "\n" + pad);
  }

  /** Sprig's {@code strslice}: a slice's non-nil elements as strings; any other value alone. */
  private static List<String> strslice(Object value) {
    if (GoValues.kind(value) == GoValues.Kind.SLICE) {
      List<?> items = GoValues.elements(value);
      List<String> out = new ArrayList<>(items.size());
      for (Object item : items) {
        if (item != null) {
          out.add(strval(item));
        }
      }
      return out;
    }
    return value == null ? List.of() : List.of(strval(value));
  }

  /** Go's {@code strings.Split}: an empty separator splits into characters. */
  private static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return new StringSlice(out);
    }
    int from = 0;
    int at;
    while ((at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return new StringSlice(out);
  }

  private static List<String> sortAlpha(Object value) {
    if (GoValues.kind(value) != GoValues.Kind.SLICE) {
      return new StringSlice(List.of(strval(value)));
    }
    List<String> items = new ArrayList<>(strslice(value));
    items.sort(GoValues::compareStrings);
    return new StringSlice(items);
  }

  private static List<Object> withElement(Object list, Object value, String name, boolean front) {
    List<?> items = slice(list, name);
    List<Object> out = new ArrayList<>(items.size() + 1);
    if (front) {
      out.add(value);
    }
    out.addAll(items);
    if (!front) {
      out.add(value);
    }
    return Collections.unmodifiableList(out);
  }

  private static Object element(Object list, String name, boolean first) {
    List<?> items = slice(list, name);
    if (items.isEmpty()) {
      return null;
    }
    return items.get(first ? 0 : items.size() - 1);
  }

  private static List<?> slice(Object value, String name) {
    if (GoValues.kind(value) != GoValues.Kind.SLICE) {
      throw new IllegalArgumentException(
          "Cannot " + name + " on type " + (value == null ? "nil" : GoValues.typeName(value)));
    }
    return GoValues.elements(value);
  }

  private static Map<String, Object> dict(Object[] args) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String key = strval(args[i]);
      out.put(key, i + 1 < args.length ? args[i + 1] : "");
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object get(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null && !map.containsKey(key) ? "" : value;
  }

  /** Keys of every map, each map's keys sorted (Go's order is random; we choose a stable one). */
  private static List<String> keys(Object[] args) {
    List<String> out = new ArrayList<>();
    for (Object arg : args) {
      out.addAll(GoValues.sortedKeys(Params.map(arg)));
    }
    return new StringSlice(out);
  }

  /** Sprig's {@code date}: times and int unix seconds; any other value means "now". */
  private static String date(String layout, Object value, ZoneId zone, Clock clock) {
    Instant instant;
    if (value instanceof GoTime t) {
      instant = t.instant();
    } else if (GoValues.isInteger(value)) {
      instant = Instant.ofEpochSecond(((Number) value).longValue());
    } else {
      instant = clock.instant();
    }
    return GoTimeLayout.format(instant.atZone(zone), layout);
  }

  private static ZoneId zone(String name, Clock clock) {
    if (name.equals("Local")) {
      return clock.getZone();
    }
    try {
      return ZoneId.of(name.isEmpty() ? "UTC" : name);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static GoTime time(Object value) {
    if (value instanceof GoTime t) {
      return t;
    }
    throw new WrongArgument(
        value == null
            ? "invalid value; expected time.Time"
            : "wrong type for value; expected time.Time; got " + GoValues.typeName(value));
  }

  private static Object sum(Object[] args) {
    long total = 0;
    for (Object arg : args) {
      total += NumberCast.toInt64(arg);
    }
    return total;
  }

  private static Object product(Object[] args) {
    long total = NumberCast.toInt64(args[0]);
    for (int i = 1; i < args.length; i++) {
      total *= NumberCast.toInt64(args[i]);
    }
    return total;
  }

  private static Object extreme(Object[] args, boolean max) {
    long best = NumberCast.toInt64(args[0]);
    for (int i = 1; i < args.length; i++) {
      long v = NumberCast.toInt64(args[i]);
      if (max ? v > best : v < best) {
        best = v;
      }
    }
    return best;
  }

  private static String sha256(String s) throws java.security.NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
