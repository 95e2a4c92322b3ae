package io.dbprovision.exporter.receiver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack mrkdwn escaping. Only user data is escaped ({@code & < >}); the template text is not, so
 * that links and mentions a user writes on purpose ({@code <https://x|runbook>}, {@code <!here>})
 * keep working while an event message cannot forge one.
 */
final class Mrkdwn {
  private Mrkdwn() {}

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A copy of template data with every string leaf escaped. */
  static Object escapeData(Object data) {
    if (data instanceof String s) {
      return escape(s);
    }
    if (data instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, escapeData(v)));
      return copy;
    }
    if (data instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(escapeData(v)));
      return copy;
    }
    return data;
  }

  /**
   * Cuts text to at most {@code max} chars, ending with a marker; never inside an escape sequence
   * or a surrogate pair.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String marker = "… (truncated)";
    int end = Math.max(0, max - marker.length());
    int amp = text.lastIndexOf('&', end);
    if (amp >= 0 && amp > end - 6 && text.indexOf(';', amp) >= end) {
      end = amp;
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + marker;
  }
}
