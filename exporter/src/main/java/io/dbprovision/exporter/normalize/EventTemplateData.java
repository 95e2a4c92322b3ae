package io.dbprovision.exporter.normalize;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data templates evaluate over: the Go tool's {@code EnhancedEvent} as plain Java data, with
 * its field names ({@code .Reason}, {@code .InvolvedObject.Labels}, {@code .ClusterName}, ...).
 * Go's argument-less methods {@code GetTimestampMs} and {@code GetTimestampISO8601} are ordinary
 * entries. Times print as Go prints a {@code time.Time}; an unset time is Go's zero time.
 *
 * <p>Values are only {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Boolean} or
 * null, the template engine's data contract. {@code .Count} is {@link
 * EventRecord#occurrenceCount()} (the Go tool shows 0 for series-style events).
 */
public final class EventTemplateData {
  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private EventTemplateData() {}

  public static Map<String, Object> of(EventRecord event, String clusterName) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Name", event.name());
    data.put("Namespace", event.namespace());
    data.put("UID", event.uid());
    data.put("ResourceVersion", event.resourceVersion());
    data.put("CreationTimestamp", goTime(event.creationTimestamp()));
    data.put("Labels", event.labels());
    data.put("Annotations", event.annotations());
    data.put("Reason", event.reason());
    data.put("Message", event.message());
    data.put("Type", event.type());
    data.put("Count", (long) event.occurrenceCount());
    data.put("FirstTimestamp", goTime(event.firstTimestamp()));
    data.put("LastTimestamp", goTime(event.lastTimestamp()));
    data.put("EventTime", goTime(event.eventTime()));
    data.put(
        "Series",
        event.seriesCount() == 0 && event.seriesLastObservedTime() == null ? null : series(event));
    data.put("Action", event.action());
    data.put("Related", event.related() == null ? null : reference(event.related()));
    data.put("ReportingController", event.reportingController());
    data.put("ReportingInstance", event.reportingInstance());
    data.put("Source", Map.of("Component", event.sourceComponent(), "Host", event.sourceHost()));
    data.put("ClusterName", clusterName);
    Map<String, Object> involved = reference(event.involvedObject());
    ObjectMetadata metadata = event.involvedMetadata();
    involved.put("Labels", metadata.labels());
    involved.put("Annotations", metadata.annotations());
    involved.put(
        "OwnerReferences",
        metadata.ownerReferences().stream().map(EventTemplateData::owner).toList());
    involved.put("Deleted", metadata.deleted());
    data.put("InvolvedObject", involved);
    Instant timestamp = timestamp(event);
    data.put("GetTimestampMs", timestamp.toEpochMilli());
    data.put("GetTimestampISO8601", isoMillis(timestamp));
    return data;
  }

  /** As the Go tool: {@code firstTimestamp}, else {@code eventTime}, else Go's zero time. */
  private static Instant timestamp(EventRecord event) {
    if (event.firstTimestamp() != null) {
      return event.firstTimestamp();
    }
    return event.eventTime() != null ? event.eventTime() : GO_ZERO_TIME;
  }

  private static Map<String, Object> series(EventRecord event) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("Count", (long) event.seriesCount());
    series.put("LastObservedTime", goTime(event.seriesLastObservedTime()));
    return series;
  }

  private static Map<String, Object> reference(ObjectRef ref) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("Kind", ref.kind());
    map.put("Namespace", ref.namespace());
    map.put("Name", ref.name());
    map.put("UID", ref.uid());
    map.put("APIVersion", ref.apiVersion());
    map.put("ResourceVersion", ref.resourceVersion());
    map.put("FieldPath", ref.fieldPath());
    return map;
  }

  private static Map<String, Object> owner(OwnerRef owner) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("APIVersion", owner.apiVersion());
    map.put("Kind", owner.kind());
    map.put("Name", owner.name());
    map.put("UID", owner.uid());
    map.put("Controller", owner.controller());
    map.put("BlockOwnerDeletion", owner.blockOwnerDeletion());
    return map;
  }

  /**
   * A time as Go's {@code time.Time.String()} prints it in UTC: {@code 2006-01-02
   * 15:04:05.999999999 +0000 UTC}, fraction trimmed of trailing zeros and left out when zero.
   */
  /** {@code 2006-01-02T15:04:05.000Z}: what the Go tool's GetTimestampISO8601 prints. */
  static String isoMillis(Instant time) {
    StringBuilder text = new StringBuilder(24);
    appendUtcSeconds(text, time, 'T');
    int millis = time.getNano() / 1_000_000;
    text.append('.');
    pad(text, millis, 3);
    return text.append('Z').toString();
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss} (or with a {@code T}) in UTC, written field by field: formatting
   * through {@link java.time.format.DateTimeFormatter} is most of a rendering's cost otherwise.
   */
  private static void appendUtcSeconds(StringBuilder text, Instant time, char separator) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    pad(text, utc.getYear(), 4);
    text.append('-');
    pad(text, utc.getMonthValue(), 2);
    text.append('-');
    pad(text, utc.getDayOfMonth(), 2);
    text.append(separator);
    pad(text, utc.getHour(), 2);
    text.append(':');
    pad(text, utc.getMinute(), 2);
    text.append(':');
    pad(text, utc.getSecond(), 2);
  }

  private static void pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    text.append(digits);
  }

  static String goTime(Instant time) {
    Instant t = time == null ? GO_ZERO_TIME : time;
    StringBuilder text = new StringBuilder(40);
    appendUtcSeconds(text, t, ' ');
    int nanos = t.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(fraction, 0, end);
    }
    return text.append(" +0000 UTC").toString();
  }
}
