package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.dbprovision.exporter.normalize.OwnerRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body the Go tool sends without a {@code layout}: the Kubernetes Event JSON (camelCase, {@code
 * reportingComponent}, unset fields left out) plus {@code clusterName} and {@code
 * involvedObject.{labels, annotations, ownerReferences, deleted}}.
 */
final class EventJson {
  private EventJson() {}

  static Map<String, Object> of(EventRecord event, String clusterName, boolean deDot) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", event.name());
    metadata.put("namespace", event.namespace());
    metadata.put("uid", event.uid());
    metadata.put("resourceVersion", event.resourceVersion());
    putTime(metadata, "creationTimestamp", event.creationTimestamp());
    putMap(metadata, "labels", dedot(event.labels(), deDot));
    putMap(metadata, "annotations", dedot(event.annotations(), deDot));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("metadata", metadata);
    Map<String, Object> involved = reference(event.involvedObject());
    putMap(involved, "labels", dedot(event.involvedMetadata().labels(), deDot));
    putMap(involved, "annotations", dedot(event.involvedMetadata().annotations(), deDot));
    List<OwnerRef> owners = event.involvedMetadata().ownerReferences();
    if (!owners.isEmpty()) {
      involved.put("ownerReferences", owners.stream().map(EventJson::owner).toList());
    }
    involved.put("deleted", event.involvedMetadata().deleted());
    json.put("involvedObject", involved);
    putString(json, "reason", event.reason());
    putString(json, "message", event.message());
    Map<String, Object> source = new LinkedHashMap<>();
    putString(source, "component", event.sourceComponent());
    putString(source, "host", event.sourceHost());
    json.put("source", source);
    putTime(json, "firstTimestamp", event.firstTimestamp());
    putTime(json, "lastTimestamp", event.lastTimestamp());
    if (event.count() != 0) {
      json.put("count", event.count());
    }
    putString(json, "type", event.type());
    // Go's Event JSON always has eventTime, reportingComponent and reportingInstance (no
    // omitempty).
    json.put(
        "eventTime",
        event.eventTime() == null
            ? null
            : event.eventTime().truncatedTo(ChronoUnit.MICROS).toString());
    if (event.seriesCount() != 0 || event.seriesLastObservedTime() != null) {
      Map<String, Object> series = new LinkedHashMap<>();
      series.put("count", event.seriesCount());
      if (event.seriesLastObservedTime() != null) {
        series.put("lastObservedTime", event.seriesLastObservedTime().toString());
      }
      json.put("series", series);
    }
    putString(json, "action", event.action());
    if (event.related() != null) {
      json.put("related", reference(event.related()));
    }
    json.put("reportingComponent", event.reportingController());
    json.put("reportingInstance", event.reportingInstance());
    json.put("clusterName", clusterName);
    return json;
  }

  private static Map<String, Object> reference(ObjectRef ref) {
    Map<String, Object> map = new LinkedHashMap<>();
    putString(map, "kind", ref.kind());
    putString(map, "namespace", ref.namespace());
    putString(map, "name", ref.name());
    putString(map, "uid", ref.uid());
    putString(map, "apiVersion", ref.apiVersion());
    putString(map, "resourceVersion", ref.resourceVersion());
    putString(map, "fieldPath", ref.fieldPath());
    return map;
  }

  private static Map<String, Object> owner(OwnerRef owner) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("apiVersion", owner.apiVersion());
    map.put("kind", owner.kind());
    map.put("name", owner.name());
    map.put("uid", owner.uid());
    map.put("controller", owner.controller());
    map.put("blockOwnerDeletion", owner.blockOwnerDeletion());
    return map;
  }

  /** {@code deDot}: dots in label and annotation keys become underscores (for Elasticsearch). */
  static Map<String, String> dedot(Map<String, String> map, boolean deDot) {
    if (!deDot) {
      return map;
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k.replace('.', '_'), v));
    return copy;
  }

  private static void putString(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  private static void putMap(Map<String, Object> map, String key, Map<String, String> value) {
    if (!value.isEmpty()) {
      map.put(key, new java.util.TreeMap<>(value));
    }
  }

  private static void putTime(Map<String, Object> map, String key, Instant time) {
    map.put(key, time == null ? null : time.truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
