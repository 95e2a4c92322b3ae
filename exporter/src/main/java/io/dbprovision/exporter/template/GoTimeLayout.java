package io.dbprovision.exporter.template;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's {@code time.Time.Format}: layouts written as the reference time {@code Mon Jan 2 15:04:05
 * MST 2006}, recognised chunk by chunk exactly as Go's {@code nextStdChunk} does.
 */
final class GoTimeLayout {
  static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";
  private static final DateTimeFormatter ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

  private GoTimeLayout() {}

  static String format(ZonedDateTime t, String layout) {
    StringBuilder out = new StringBuilder(layout.length() + 10);
    int i = 0;
    int n = layout.length();
    while (i < n) {
      int consumed = chunk(out, t, layout, i);
      if (consumed == 0) {
        out.append(layout.charAt(i));
        i++;
      } else {
        i += consumed;
      }
    }
    return out.toString();
  }

  /** Formats the standard chunk starting at {@code i}; returns its length, 0 for a literal. */
  private static int chunk(StringBuilder out, ZonedDateTime t, String l, int i) {
    char c = l.charAt(i);
    switch (c) {
      case 'J':
        if (l.startsWith("January", i)) {
          out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
          return 7;
        }
        if (l.startsWith("Jan", i) && !startsWithLowerCase(l, i + 3)) {
          out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
          return 3;
        }
        return 0;
      case 'M':
        if (l.startsWith("Monday", i)) {
          out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
          return 6;
        }
        if (l.startsWith("Mon", i) && !startsWithLowerCase(l, i + 3)) {
          out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
          return 3;
        }
        if (l.startsWith("MST", i)) {
          zoneName(out, t);
          return 3;
        }
        return 0;
      case '0':
        if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
          switch (l.charAt(i + 1)) {
            case '1' -> pad(out, t.getMonthValue(), 2, '0');
            case '2' -> pad(out, t.getDayOfMonth(), 2, '0');
            case '3' -> pad(out, hour12(t), 2, '0');
            case '4' -> pad(out, t.getMinute(), 2, '0');
            case '5' -> pad(out, t.getSecond(), 2, '0');
            default -> pad(out, Math.floorMod(t.getYear(), 100), 2, '0');
          }
          return 2;
        }
        if (l.startsWith("002", i)) {
          pad(out, t.getDayOfYear(), 3, '0');
          return 3;
        }
        return 0;
      case '1':
        if (l.startsWith("15", i)) {
          pad(out, t.getHour(), 2, '0');
          return 2;
        }
        out.append(t.getMonthValue());
        return 1;
      case '2':
        if (l.startsWith("2006", i)) {
          pad(out, t.getYear(), 4, '0');
          return 4;
        }
        out.append(t.getDayOfMonth());
        return 1;
      case '_':
        if (l.startsWith("_2006", i)) {
          out.append('_');
          pad(out, t.getYear(), 4, '0');
          return 5;
        }
        if (l.startsWith("_2", i)) {
          pad(out, t.getDayOfMonth(), 2, ' ');
          return 2;
        }
        if (l.startsWith("__2", i)) {
          pad(out, t.getDayOfYear(), 3, ' ');
          return 3;
        }
        return 0;
      case '3':
        out.append(hour12(t));
        return 1;
      case '4':
        out.append(t.getMinute());
        return 1;
      case '5':
        out.append(t.getSecond());
        return 1;
      case 'P':
        if (l.startsWith("PM", i)) {
          out.append(t.getHour() >= 12 ? "PM" : "AM");
          return 2;
        }
        return 0;
      case 'p':
        if (l.startsWith("pm", i)) {
          out.append(t.getHour() >= 12 ? "pm" : "am");
          return 2;
        }
        return 0;
      case '-':
      case 'Z':
        return numericZone(out, t, l, i, c == 'Z');
      case '.':
      case ',':
        {
          if (i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
            char digit = l.charAt(i + 1);
            int j = i + 1;
            while (j < l.length() && l.charAt(j) == digit) {
              j++;
            }
            if (j < l.length() && Character.isDigit(l.charAt(j))) {
              return 0;
            }
            fraction(out, t.getNano(), j - i - 1, digit == '9', c);
            return j - i;
          }
          return 0;
        }
      default:
        return 0;
    }
  }

  private static int numericZone(StringBuilder out, ZonedDateTime t, String l, int i, boolean iso) {
    String p = iso ? "Z" : "-";
    String[] forms = {"070000", "07:00:00", "0700", "07:00", "07"};
    for (String form : forms) {
      if (!l.startsWith(p + form, i)) {
        continue;
      }
      int offset = t.getOffset().getTotalSeconds();
      if (iso && offset == 0) {
        out.append('Z');
        return form.length() + 1;
      }
      int minutes = offset / 60;
      int abs = Math.abs(offset);
      out.append(minutes < 0 ? '-' : '+');
      minutes = Math.abs(minutes);
      pad(out, minutes / 60, 2, '0');
      boolean colon = form.contains(":");
      if (!form.equals("07")) {
        if (colon) {
          out.append(':');
        }
        pad(out, minutes % 60, 2, '0');
      }
      if (form.length() >= 6) {
        if (colon) {
          out.append(':');
        }
        pad(out, abs % 60, 2, '0');
      }
      return form.length() + 1;
    }
    return 0;
  }

  private static void zoneName(StringBuilder out, ZonedDateTime t) {
    ZoneId zone = t.getZone();
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      out.append("UTC");
      return;
    }
    if (!(zone instanceof ZoneOffset)) {
      String name = ZONE_NAME.format(t);
      if (!name.startsWith("GMT") && !name.startsWith("+") && !name.startsWith("-")) {
        out.append(name);
        return;
      }
    }
    int minutes = t.getOffset().getTotalSeconds() / 60;
    out.append(minutes < 0 ? '-' : '+');
    minutes = Math.abs(minutes);
    pad(out, minutes / 60, 2, '0');
    pad(out, minutes % 60, 2, '0');
  }

  private static void fraction(StringBuilder out, int nanos, int digits, boolean trim, char sep) {
    String all = String.format("%09d", nanos);
    String part = all.substring(0, Math.min(digits, 9));
    if (trim) {
      int end = part.length();
      while (end > 0 && part.charAt(end - 1) == '0') {
        end--;
      }
      part = part.substring(0, end);
      if (part.isEmpty()) {
        return;
      }
    }
    out.append(sep).append(part);
  }

  private static int hour12(ZonedDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static boolean startsWithLowerCase(String l, int i) {
    return i < l.length() && l.charAt(i) >= 'a' && l.charAt(i) <= 'z';
  }

  private static void pad(StringBuilder out, int value, int width, char fill) {
    String s = Integer.toString(value);
    for (int k = s.length(); k < width; k++) {
      out.append(fill);
    }
    out.append(s);
  }
}
