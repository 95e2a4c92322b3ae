package io.dbprovision.exporter.render;

import java.util.Map;

/**
 * The text sent when a template fails: what happened to which object, so that the alert still says
 * something useful. Example: {@code Warning BackupFailed on Backup team-a/nightly: disk full}.
 */
final class PlainMessage {
  private PlainMessage() {}

  static String of(Map<String, Object> data) {
    String kind = "";
    String namespace = "";
    String name = "";
    if (data.get("InvolvedObject") instanceof Map<?, ?> involved) {
      kind = text(involved.get("Kind"));
      namespace = text(involved.get("Namespace"));
      name = text(involved.get("Name"));
    }
    String object = namespace.isEmpty() ? name : namespace + "/" + name;
    return text(data.get("Type"))
        + " "
        + text(data.get("Reason"))
        + " on "
        + kind
        + " "
        + object
        + ": "
        + text(data.get("Message"));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
