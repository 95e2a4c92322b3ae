package io.dbprovision.exporter.template;

/**
 * Converts constant tokens to values with Go's rules: integers (decimal, {@code 0x}, {@code 0o},
 * {@code 0b}, leading-zero octal, {@code _} separators) become {@link Long}, numbers with a point
 * or an exponent become {@link Double}, character constants become their code point, and
 * interpreted strings have their escapes resolved.
 */
final class Literals {
  private Literals() {}

  static Object number(Source source, Token token) {
    String text = token.text();
    if (text.endsWith("i")) {
      throw source.parseError(token.pos(), "complex numbers are not supported: " + text);
    }
    String digits = text.replace("_", "");
    boolean negative = digits.startsWith("-");
    String unsigned =
        digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
    String lower = unsigned.toLowerCase(java.util.Locale.ROOT);
    boolean hex = lower.startsWith("0x");
    try {
      if (!hex && (lower.contains(".") || lower.contains("e"))) {
        return Double.parseDouble(digits);
      }
      if (hex && lower.contains("p")) {
        return Double.parseDouble(digits);
      }
      long value;
      if (hex) {
        value = Long.parseLong(unsigned.substring(2), 16);
      } else if (lower.startsWith("0o")) {
        value = Long.parseLong(unsigned.substring(2), 8);
      } else if (lower.startsWith("0b")) {
        value = Long.parseLong(unsigned.substring(2), 2);
      } else if (lower.length() > 1 && lower.startsWith("0")) {
        value = Long.parseLong(unsigned.substring(1), 8);
      } else {
        value = Long.parseLong(unsigned);
      }
      long signed = negative ? -value : value;
      // Go gives an untyped integer constant the type int; int64 is what arithmetic returns.
      return signed == (int) signed ? (Object) (int) signed : (Object) signed;
    } catch (NumberFormatException e) {
      throw source.parseError(token.pos(), "illegal number syntax: \"" + text + "\"");
    }
  }

  static Integer character(Source source, Token token) {
    String body = unescape(source, token, token.text().substring(1, token.text().length() - 1));
    if (body.codePointCount(0, body.length()) != 1) {
      throw source.parseError(token.pos(), "malformed character constant: " + token.text());
    }
    return body.codePointAt(0);
  }

  static String string(Source source, Token token) {
    return unescape(source, token, token.text().substring(1, token.text().length() - 1));
  }

  private static String unescape(Source source, Token token, String body) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        throw badEscape(source, token);
      }
      char e = body.charAt(i);
      switch (e) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '\\', '\'', '"' -> out.append(e);
        case 'x' -> {
          out.append((char) hex(source, token, body, i + 1, 2));
          i += 2;
        }
        case 'u' -> {
          out.appendCodePoint(hex(source, token, body, i + 1, 4));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(hex(source, token, body, i + 1, 8));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 2 < body.length()) {
            try {
              out.append((char) Integer.parseInt(body.substring(i, i + 3), 8));
            } catch (NumberFormatException ex) {
              throw badEscape(source, token);
            }
            i += 2;
          } else {
            throw badEscape(source, token);
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(Source source, Token token, String body, int from, int length) {
    if (from + length > body.length()) {
      throw badEscape(source, token);
    }
    try {
      return Integer.parseInt(body.substring(from, from + length), 16);
    } catch (NumberFormatException e) {
      throw badEscape(source, token);
    }
  }

  private static TemplateException badEscape(Source source, Token token) {
    return source.parseError(token.pos(), "invalid syntax in quoted string " + token.text());
  }
}
