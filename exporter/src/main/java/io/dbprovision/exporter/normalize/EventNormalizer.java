package io.dbprovision.exporter.normalize;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Copies a fabric8 core/v1 Event into an {@link EventRecord}, rejecting what cannot be processed:
 * no involved object, a type other than Normal/Warning, no uid. Times that do not parse read as
 * absent rather than rejecting the event.
 */
public final class EventNormalizer {

  public EventRecord normalize(Event event) throws MalformedEventException {
    ObjectMeta meta = event.getMetadata() == null ? new ObjectMeta() : event.getMetadata();
    String where = text(meta.getNamespace()) + "/" + text(meta.getName());
    ObjectReference involved = event.getInvolvedObject();
    if (involved == null || isEmpty(involved.getKind()) || isEmpty(involved.getName())) {
      throw new MalformedEventException(
          DiscardCause.MISSING_INVOLVED_OBJECT, "Event " + where + " has no involvedObject");
    }
    String type = text(event.getType());
    if (!type.equals("Normal") && !type.equals("Warning")) {
      throw new MalformedEventException(
          DiscardCause.UNKNOWN_TYPE, "Event " + where + " has a type other than Normal/Warning");
    }
    if (isEmpty(meta.getUid())) {
      throw new MalformedEventException(DiscardCause.MISSING_UID, "Event " + where + " has no uid");
    }
    return new EventRecord(
        meta.getUid(),
        text(meta.getNamespace()),
        text(meta.getName()),
        text(meta.getResourceVersion()),
        time(meta.getCreationTimestamp()),
        map(meta.getLabels()),
        map(meta.getAnnotations()),
        text(event.getReason()),
        text(event.getMessage()),
        type,
        event.getCount() == null ? 0 : event.getCount(),
        time(event.getFirstTimestamp()),
        time(event.getLastTimestamp()),
        time(event.getEventTime()),
        event.getSeries() == null || event.getSeries().getCount() == null
            ? 0
            : event.getSeries().getCount(),
        event.getSeries() == null ? null : time(event.getSeries().getLastObservedTime()),
        text(event.getAction()),
        text(event.getReportingComponent()),
        text(event.getReportingInstance()),
        event.getSource() == null ? "" : text(event.getSource().getComponent()),
        event.getSource() == null ? "" : text(event.getSource().getHost()),
        ref(involved),
        event.getRelated() == null ? null : ref(event.getRelated()),
        ObjectMetadata.UNKNOWN);
  }

  private static ObjectRef ref(ObjectReference reference) {
    return new ObjectRef(
        text(reference.getApiVersion()),
        text(reference.getKind()),
        text(reference.getNamespace()),
        text(reference.getName()),
        text(reference.getUid()),
        text(reference.getResourceVersion()),
        text(reference.getFieldPath()));
  }

  private static Instant time(MicroTime time) {
    return time == null ? null : time(time.getTime());
  }

  private static Instant time(String text) {
    if (isEmpty(text)) {
      return null;
    }
    Instant whole = wholeSecondsUtc(text);
    if (whole != null) {
      return whole;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The API server's usual form, {@code 2006-01-02T15:04:05Z}, read without the general parser
   * (which dominates the pipeline's cost otherwise); null for anything else.
   */
  private static Instant wholeSecondsUtc(String text) {
    if (text.length() != 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Map<String, String> map(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private static String text(String text) {
    return text == null ? "" : text;
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }
}
