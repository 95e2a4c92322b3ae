package io.dbprovision.exporter.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} for our value model: {@code Sprint}, {@code Sprintln} and {@code Sprintf} with
 * flags ({@code - + # 0 space}), width, precision ({@code *} included) and the verbs {@code v s d q
 * x X o b c t e E f F g G T %}. Maps print as {@code map[k:v ...]} with sorted keys, slices as
 * {@code [a b]}, nil as {@code <nil>}; wrong verbs, missing and extra operands print Go's {@code
 * %!d(string=x)}, {@code %!d(MISSING)} and {@code %!(EXTRA ...)} markers.
 */
final class GoFmt {
  private GoFmt() {}

  /** Go's {@code fmt.Sprint}: a space between operands when neither is a string. */
  static String sprint(Object[] args) {
    StringBuilder out = new StringBuilder();
    boolean previousString = false;
    for (int i = 0; i < args.length; i++) {
      boolean isString = args[i] instanceof String;
      if (i > 0 && !isString && !previousString) {
        out.append(' ');
      }
      appendValue(out, args[i]);
      previousString = isString;
    }
    return out.toString();
  }

  static String sprintln(Object[] args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      appendValue(out, args[i]);
    }
    return out.append('\n').toString();
  }

  /** Appends the value as {@code %v} would print it. */
  static void appendValue(StringBuilder out, Object value) {
    if (value instanceof String s) {
      out.append(s);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
    } else {
      format(out, value, new Spec('v'));
    }
  }

  static String toString(Object value) {
    if (value instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    appendValue(out, value);
    return out.toString();
  }

  /** One conversion: flags, width, precision and verb. */
  private static final class Spec {
    char verb;
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean zero;
    boolean space;
    int width = -1;
    int precision = -1;

    Spec(char verb) {
      this.verb = verb;
    }
  }

  static String sprintf(String format, Object[] args) {
    StringBuilder out = new StringBuilder(format.length() + 16);
    int argIndex = 0;
    int n = format.length();
    for (int i = 0; i < n; ) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      Spec spec = new Spec('v');
      for (; i < n; i++) {
        char f = format.charAt(i);
        if (f == '-') {
          spec.minus = true;
          spec.zero = false;
        } else if (f == '+') {
          spec.plus = true;
        } else if (f == '#') {
          spec.sharp = true;
        } else if (f == '0') {
          spec.zero = !spec.minus;
        } else if (f == ' ') {
          spec.space = true;
        } else {
          break;
        }
      }
      if (i < n && format.charAt(i) == '*') {
        i++;
        if (argIndex < args.length && GoValues.isInteger(args[argIndex])) {
          spec.width = ((Number) args[argIndex++]).intValue();
          if (spec.width < 0) {
            spec.minus = true;
            spec.width = -spec.width;
          }
        } else {
          argIndex++;
          out.append("%!(BADWIDTH)");
        }
      } else {
        int start = i;
        while (i < n && Character.isDigit(format.charAt(i))) {
          i++;
        }
        if (i > start) {
          spec.width = Integer.parseInt(format.substring(start, i));
        }
      }
      if (i < n && format.charAt(i) == '.') {
        i++;
        if (i < n && format.charAt(i) == '*') {
          i++;
          if (argIndex < args.length && GoValues.isInteger(args[argIndex])) {
            spec.precision = ((Number) args[argIndex++]).intValue();
            if (spec.precision < 0) {
              spec.precision = -1;
            }
          } else {
            argIndex++;
            out.append("%!(BADPREC)");
          }
        } else {
          int start = i;
          while (i < n && Character.isDigit(format.charAt(i))) {
            i++;
          }
          spec.precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
        }
      }
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argIndex >= args.length) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
        continue;
      }
      spec.verb = (char) verb;
      if (verb > 0xFFFF) {
        out.append("%!").appendCodePoint(verb).append('(');
        badOperand(out, args[argIndex++]);
        out.append(')');
        continue;
      }
      format(out, args[argIndex++], spec);
    }
    if (argIndex < args.length) {
      out.append("%!(EXTRA ");
      for (int k = argIndex; k < args.length; k++) {
        if (k > argIndex) {
          out.append(", ");
        }
        badOperand(out, args[k]);
      }
      out.append(')');
    }
    return out.toString();
  }

  private static void badOperand(StringBuilder out, Object value) {
    if (value == null) {
      out.append("<nil>");
      return;
    }
    out.append(GoValues.typeName(value)).append('=');
    format(out, value, new Spec('v'));
  }

  private static void badVerb(StringBuilder out, Object value, Spec spec) {
    out.append("%!").append(spec.verb).append('(');
    badOperand(out, value);
    out.append(')');
  }

  private static void format(StringBuilder out, Object value, Spec spec) {
    format(out, value, spec, false);
  }

  /** {@code nested}: an element of a map or slice, where Go prints nil as {@code <nil>} always. */
  private static void format(StringBuilder out, Object value, Spec spec, boolean nested) {
    if (spec.verb == 'T') {
      pad(out, GoValues.typeName(value), spec);
      return;
    }
    switch (GoValues.kind(value)) {
      case INVALID, NIL -> {
        if (spec.verb == 'v' || nested) {
          pad(out, "<nil>", spec);
        } else {
          badVerb(out, null, spec);
        }
      }
      case BOOL -> {
        if (spec.verb == 'v' || spec.verb == 't') {
          pad(out, value.toString(), spec);
        } else {
          badVerb(out, value, spec);
        }
      }
      case INT -> formatInteger(out, ((Number) value).longValue(), value, spec);
      case FLOAT -> formatFloat(out, ((Number) value).doubleValue(), value, spec);
      case STRING -> formatString(out, (String) value, value, spec);
      case TIME -> formatString(out, value.toString(), value, spec);
      case MAP -> {
        out.append("map[");
        Map<?, ?> map = (Map<?, ?>) value;
        boolean first = true;
        for (String key : GoValues.sortedKeys(map)) {
          if (!first) {
            out.append(' ');
          }
          first = false;
          format(out, key, spec, true);
          out.append(':');
          format(out, map.get(key), spec, true);
        }
        out.append(']');
      }
      case SLICE -> {
        out.append('[');
        List<?> items = GoValues.elements(value);
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            out.append(' ');
          }
          format(out, items.get(i), spec, true);
        }
        out.append(']');
      }
      case OTHER -> formatString(out, String.valueOf(value), value, spec);
    }
  }

  private static void formatString(StringBuilder out, String s, Object value, Spec spec) {
    switch (spec.verb) {
      case 'v', 's' -> pad(out, truncate(s, spec.precision), spec);
      case 'q' ->
          pad(out, spec.sharp && canBackquote(s) ? "`" + s + "`" : quote(s, spec.plus), spec);
      case 'x', 'X' -> {
        String text = truncate(s, spec.precision);
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          if (spec.space && hex.length() > 0) {
            hex.append(' ');
          }
          if (spec.sharp && (spec.space || hex.length() == 0)) {
            hex.append(spec.verb == 'x' ? "0x" : "0X");
          }
          String h = String.format("%02x", b & 0xff);
          hex.append(spec.verb == 'X' ? h.toUpperCase(java.util.Locale.ROOT) : h);
        }
        pad(out, hex.toString(), spec);
      }
      default -> badVerb(out, value, spec);
    }
  }

  private static String truncate(String s, int precision) {
    if (precision < 0 || s.codePointCount(0, s.length()) <= precision) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, precision));
  }

  private static void formatInteger(StringBuilder out, long v, Object value, Spec spec) {
    String digits;
    String prefix = "";
    switch (spec.verb) {
      case 'v', 'd' -> digits = Long.toString(Math.abs(v));
      case 'x' -> {
        digits = Long.toHexString(Math.abs(v));
        prefix = spec.sharp ? "0x" : "";
      }
      case 'X' -> {
        digits = Long.toHexString(Math.abs(v)).toUpperCase(java.util.Locale.ROOT);
        prefix = spec.sharp ? "0X" : "";
      }
      case 'o' -> {
        digits = Long.toOctalString(Math.abs(v));
        prefix = spec.sharp ? "0" : "";
      }
      case 'O' -> {
        digits = Long.toOctalString(Math.abs(v));
        prefix = "0o";
      }
      case 'b' -> digits = Long.toBinaryString(Math.abs(v));
      case 'c' -> {
        pad(out, new String(Character.toChars(validRune(v))), spec);
        return;
      }
      case 'q' -> {
        pad(out, quoteRune(validRune(v)), spec);
        return;
      }
      case 'U' -> {
        String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        pad(out, "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex, spec);
        return;
      }
      default -> {
        badVerb(out, value, spec);
        return;
      }
    }
    if (v == Long.MIN_VALUE) {
      digits = digits.startsWith("-") ? digits.substring(1) : digits;
    }
    if (spec.precision >= 0) {
      if (spec.precision == 0 && v == 0) {
        digits = "";
      } else if (digits.length() < spec.precision) {
        digits = "0".repeat(spec.precision - digits.length()) + digits;
      }
    }
    String sign = v < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    String body = prefix + digits;
    if (spec.zero && !spec.minus && spec.precision < 0 && spec.width > 0) {
      int fill = spec.width - sign.length() - body.length();
      out.append(sign);
      if (fill > 0) {
        out.append("0".repeat(fill));
      }
      out.append(body);
      return;
    }
    pad(out, sign + body, spec);
  }

  private static int validRune(long v) {
    return v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : (int) v;
  }

  private static void formatFloat(StringBuilder out, double v, Object value, Spec spec) {
    char verb = spec.verb;
    String text;
    switch (verb) {
      case 'v' -> text = formatFloat(v, 'g', spec.precision);
      case 'g', 'G' -> text = formatFloat(v, 'g', spec.precision);
      case 'e', 'E' -> text = formatFloat(v, 'e', spec.precision < 0 ? 6 : spec.precision);
      case 'f', 'F' -> text = formatFloat(v, 'f', spec.precision < 0 ? 6 : spec.precision);
      default -> {
        badVerb(out, value, spec);
        return;
      }
    }
    if (verb == 'E' || verb == 'G') {
      text = text.toUpperCase(java.util.Locale.ROOT);
    }
    boolean negative = text.startsWith("-");
    String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    String body = negative ? text.substring(1) : text;
    if (body.equals("+Inf")) {
      body = "Inf";
      sign = spec.plus ? "+" : spec.space ? " " : "";
    }
    if (spec.zero && !spec.minus && spec.width > 0 && Double.isFinite(v)) {
      int fill = spec.width - sign.length() - body.length();
      out.append(sign);
      if (fill > 0) {
        out.append("0".repeat(fill));
      }
      out.append(body);
      return;
    }
    pad(out, sign + body, spec);
  }

  /**
   * Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for {@code fmt} in e, f, g; {@code prec < 0}
   * asks for the shortest representation that reads back as the same double.
   */
  static String formatFloat(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    double abs = Math.abs(v);
    boolean shortest = prec < 0;
    BigDecimal d;
    if (shortest) {
      d = shortest(abs);
    } else {
      BigDecimal exact = new BigDecimal(abs);
      d =
          switch (fmt) {
            case 'f' -> exact.setScale(prec, RoundingMode.HALF_EVEN);
            case 'e' -> exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            default -> exact.round(new MathContext(prec == 0 ? 1 : prec, RoundingMode.HALF_EVEN));
          };
    }
    String digits;
    int dp;
    if (d.signum() == 0) {
      digits = "";
      dp = 0;
    } else {
      BigDecimal stripped = d.stripTrailingZeros();
      digits = stripped.unscaledValue().toString();
      dp = digits.length() - stripped.scale();
    }
    int nd = digits.length();
    if (shortest) {
      prec =
          switch (fmt) {
            case 'e' -> Math.max(nd - 1, 0);
            case 'f' -> Math.max(nd - dp, 0);
            default -> nd;
          };
    }
    StringBuilder out = new StringBuilder(24);
    if (negative) {
      out.append('-');
    }
    switch (fmt) {
      case 'e' -> appendE(out, digits, dp, prec);
      case 'f' -> appendF(out, digits, dp, prec);
      default -> {
        int eprec = prec;
        if (eprec > nd && nd >= dp) {
          eprec = nd;
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = dp - 1;
        if (nd == 0) {
          exp = 0;
        }
        if (exp < -4 || exp >= eprec) {
          if (prec > nd) {
            prec = nd;
          }
          appendE(out, digits, dp, Math.max(prec - 1, 0));
        } else {
          if (prec > dp) {
            prec = nd;
          }
          appendF(out, digits, dp, Math.max(prec - dp, 0));
        }
      }
    }
    return out.toString();
  }

  /**
   * The fewest significant digits that read back as {@code abs}, nearest to it when several do.
   * {@code Double.toString} is not always shortest before Java 19 (4.9E-324 for Go's 5e-324).
   */
  private static BigDecimal shortest(double abs) {
    if (abs == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(abs);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == abs) {
        return candidate;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static void appendE(StringBuilder out, String digits, int dp, int prec) {
    out.append(digits.isEmpty() ? '0' : digits.charAt(0));
    if (prec > 0) {
      out.append('.');
      for (int i = 1; i <= prec; i++) {
        out.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    }
    int exp = digits.isEmpty() ? 0 : dp - 1;
    out.append('e').append(exp < 0 ? '-' : '+');
    int e = Math.abs(exp);
    if (e < 10) {
      out.append('0');
    }
    out.append(e);
  }

  private static void appendF(StringBuilder out, String digits, int dp, int prec) {
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        out.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    } else {
      out.append('0');
    }
    if (prec > 0) {
      out.append('.');
      for (int i = 0; i < prec; i++) {
        int j = dp + i;
        out.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
      }
    }
  }

  private static void pad(StringBuilder out, String s, Spec spec) {
    int fill = spec.width < 0 ? 0 : spec.width - s.codePointCount(0, s.length());
    if (fill <= 0) {
      out.append(s);
    } else if (spec.minus) {
      out.append(s).append(" ".repeat(fill));
    } else {
      out.append((spec.zero ? "0" : " ").repeat(fill)).append(s);
    }
  }

  /** Go's {@code strconv.Quote} ({@code asciiOnly}: {@code QuoteToASCII}). */
  static String quote(String s, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      appendEscapedRune(out, r, '"', asciiOnly);
    }
    return out.append('"').toString();
  }

  private static String quoteRune(int r) {
    StringBuilder out = new StringBuilder().append('\'');
    appendEscapedRune(out, r, '\'', false);
    return out.append('\'').toString();
  }

  private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      out.append('\\').appendCodePoint(r);
      return;
    }
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      out.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0b -> out.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          out.append(String.format("\\x%02x", r));
        } else if (r < 0x10000) {
          out.append(String.format("\\u%04x", r));
        } else {
          out.append(String.format("\\U%08x", r));
        }
      }
    }
  }

  /** Go's {@code unicode.IsPrint}: graphic characters and the ASCII space only. */
  static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7f;
    }
    return switch (Character.getType(r)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`' || c == '\uFEFF' || (c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
