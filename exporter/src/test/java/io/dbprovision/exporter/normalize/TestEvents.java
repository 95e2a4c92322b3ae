package io.dbprovision.exporter.normalize;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link EventRecord}s for tests: a Normal Pod event in {@code default}, count 1. */
public final class TestEvents {
  private String uid = "uid-1";
  private String namespace = "default";
  private String name = "x.1";
  private String reason = "Started";
  private String message = "";
  private String type = "Normal";
  private int count = 1;
  private int seriesCount;
  private Instant creationTimestamp;
  private Instant lastTimestamp;
  private Instant eventTime;
  private Instant seriesLastObservedTime;
  private String reportingController = "";
  private String component = "";
  private String host = "";
  private String apiVersion = "v1";
  private String kind = "Pod";
  private String involvedNamespace;
  private String involvedName = "x";
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, String> annotations = new HashMap<>();

  private TestEvents() {}

  public static TestEvents event() {
    return new TestEvents();
  }

  /**
   * An event from a compact spec, {@code key=value} pairs separated by {@code ;}: ns, kind, name,
   * apiVersion, involvedNs, reason, type, message, count, series, component, reportingController,
   * host, labels.KEY, ann.KEY.
   */
  public static EventRecord parse(String spec) {
    TestEvents e = event();
    if (spec == null || spec.isBlank()) {
      return e.build();
    }
    for (String pair : spec.split(";")) {
      int eq = pair.indexOf('=');
      String key = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1);
      if (key.startsWith("labels.")) {
        e.labels.put(key.substring(7), value);
        continue;
      }
      if (key.startsWith("ann.")) {
        e.annotations.put(key.substring(4), value);
        continue;
      }
      switch (key) {
        case "ns" -> e.namespace = value;
        case "kind" -> e.kind = value;
        case "name" -> e.involvedName = value;
        case "apiVersion" -> e.apiVersion = value;
        case "involvedNs" -> e.involvedNamespace = value;
        case "reason" -> e.reason = value;
        case "type" -> e.type = value;
        case "message" -> e.message = value;
        case "count" -> e.count = Integer.parseInt(value);
        case "series" -> e.seriesCount = Integer.parseInt(value);
        case "component" -> e.component = value;
        case "reportingController" -> e.reportingController = value;
        case "host" -> e.host = value;
        default -> throw new IllegalArgumentException("unknown key in event spec: " + key);
      }
    }
    return e.build();
  }

  public TestEvents uid(String uid) {
    this.uid = uid;
    return this;
  }

  public TestEvents namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  public TestEvents involved(String apiVersion, String kind, String name) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.involvedName = name;
    return this;
  }

  public TestEvents reason(String reason) {
    this.reason = reason;
    return this;
  }

  public TestEvents type(String type) {
    this.type = type;
    return this;
  }

  public TestEvents message(String message) {
    this.message = message;
    return this;
  }

  public TestEvents count(int count) {
    this.count = count;
    return this;
  }

  public TestEvents seriesCount(int seriesCount) {
    this.seriesCount = seriesCount;
    return this;
  }

  public TestEvents created(Instant creationTimestamp) {
    this.creationTimestamp = creationTimestamp;
    return this;
  }

  public TestEvents lastTimestamp(Instant lastTimestamp) {
    this.lastTimestamp = lastTimestamp;
    return this;
  }

  public TestEvents eventTime(Instant eventTime) {
    this.eventTime = eventTime;
    return this;
  }

  public TestEvents seriesLastObservedTime(Instant time) {
    this.seriesLastObservedTime = time;
    return this;
  }

  public EventRecord build() {
    return new EventRecord(
        uid,
        namespace,
        name,
        "1",
        creationTimestamp,
        Map.of(),
        Map.of(),
        reason,
        message,
        type,
        count,
        null,
        lastTimestamp,
        eventTime,
        seriesCount,
        seriesLastObservedTime,
        "",
        reportingController,
        "",
        component,
        host,
        new ObjectRef(
            apiVersion,
            kind,
            involvedNamespace == null ? namespace : involvedNamespace,
            involvedName,
            "obj-uid",
            "7",
            ""),
        null,
        new ObjectMetadata(labels, annotations, List.of(), false));
  }
}
