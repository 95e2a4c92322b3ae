package io.dbprovision.exporter.template;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regexMatch} and {@code regexReplaceAll} with Go's replacement rules ({@code $1}, {@code
 * ${name}}, {@code $$}; an empty match right after a match is skipped). Patterns are compiled by
 * {@link java.util.regex}, whose syntax is a superset of RE2's for the patterns people write.
 */
final class GoRegex {
  private static final int CACHE_LIMIT = 256;
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private GoRegex() {}

  /** Sprig's regexMatch: an invalid pattern simply does not match. */
  static boolean match(String regex, String s) {
    try {
      return compile(regex).matcher(s).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  static String replaceAll(String regex, String s, String replacement) {
    Pattern pattern;
    try {
      pattern = compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "regexp: Compile(" + GoFmt.quote(regex, false) + "): " + e.getDescription());
    }
    Matcher m = pattern.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    int lastMatchEnd = -1;
    int searchFrom = 0;
    while (searchFrom <= s.length() && m.find(searchFrom)) {
      int start = m.start();
      int end = m.end();
      if (start == end && start == lastMatchEnd) {
        // Go ignores an empty match abutting the previous match.
        if (start >= s.length()) {
          break;
        }
        searchFrom = start + Character.charCount(s.codePointAt(start));
        continue;
      }
      out.append(s, copied, start);
      expand(out, replacement, m);
      copied = end;
      lastMatchEnd = end;
      if (start == end) {
        if (end >= s.length()) {
          break;
        }
        searchFrom = end + Character.charCount(s.codePointAt(end));
      } else {
        searchFrom = end;
      }
    }
    out.append(s, copied, s.length());
    return out.toString();
  }

  /** Go's {@code Regexp.Expand}. */
  private static void expand(StringBuilder out, String template, Matcher m) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean braced = i < template.length() && template.charAt(i) == '{';
      int nameStart = braced ? i + 1 : i;
      int j = nameStart;
      while (j < template.length()
          && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
        j++;
      }
      if (j == nameStart || (braced && (j >= template.length() || template.charAt(j) != '}'))) {
        out.append('$');
        continue;
      }
      String name = template.substring(nameStart, j);
      i = braced ? j + 1 : j;
      String group = group(m, name);
      if (group != null) {
        out.append(group);
      }
    }
  }

  private static String group(Matcher m, String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      if (name.length() > 8) {
        return null;
      }
      int n = Integer.parseInt(name);
      return n <= m.groupCount() ? m.group(n) : null;
    }
    try {
      return m.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Pattern compile(String regex) {
    Pattern pattern = CACHE.get(regex);
    if (pattern == null) {
      // RE2's (?P<name>...) is Java's (?<name>...).
      pattern = Pattern.compile(regex.replace("(?P<", "(?<"));
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(regex, pattern);
    }
    return pattern;
  }
}
