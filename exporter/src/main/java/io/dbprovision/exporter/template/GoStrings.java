package io.dbprovision.exporter.template;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strings} package where Java differs: simple (one-to-one) case mapping, Unicode white
 * space as Go defines it, {@code strings.Title} word starts, and slicing by UTF-8 byte offsets.
 */
final class GoStrings {
  /** Cap on strings built by repetition, so one template cannot exhaust the heap. */
  static final int MAX_LENGTH = 1 << 22;

  private GoStrings() {}

  static String upper(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int u = Character.toUpperCase(c);
      if (u != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(u);
      }
      i += Character.charCount(c);
    }
    return out == null ? s : out.toString();
  }

  static String lower(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int l = Character.toLowerCase(c);
      if (l != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(l);
      }
      i += Character.charCount(c);
    }
    return out == null ? s : out.toString();
  }

  /** Go's deprecated {@code strings.Title}, which Sprig's {@code title} calls. */
  static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int previous = ' ';
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(isSeparator(previous) ? Character.toTitleCase(c) : c);
      previous = c;
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7f) {
      return !((r >= '0' && r <= '9')
          || (r >= 'a' && r <= 'z')
          || (r >= 'A' && r <= 'Z')
          || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return isSpace(r);
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int r) {
    if (r <= 0xff) {
      return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xa0;
    }
    return Character.getType(r) == Character.SPACE_SEPARATOR || r == 0x2028 || r == 0x2029;
  }

  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** {@code s[from:to]} in Go, where the offsets count UTF-8 bytes. */
  static String bytes(String s, int from, int to) {
    int length = Builtins.utf8Length(s);
    if (from < 0 || to > length || from > to) {
      throw new IllegalArgumentException(
          "runtime error: slice bounds out of range [" + from + ":" + to + "]");
    }
    if (length == s.length()) {
      return s.substring(from, to);
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return new String(utf8, from, to - from, StandardCharsets.UTF_8);
  }
}
