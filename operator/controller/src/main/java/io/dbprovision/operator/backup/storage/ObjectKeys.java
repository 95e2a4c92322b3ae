package io.dbprovision.operator.backup.storage;

import java.util.regex.Pattern;

/** Checks that an object key stays inside its storage root. */
final class ObjectKeys {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private ObjectKeys() {}

  /** Returns {@code key} when it is relative and every segment is a plain name. */
  static String requireValid(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("object key is empty");
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "object key \"" + key + "\" has an invalid segment \"" + segment + "\"");
      }
    }
    return key;
  }
}
