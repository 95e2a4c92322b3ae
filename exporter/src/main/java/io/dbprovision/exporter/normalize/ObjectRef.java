package io.dbprovision.exporter.normalize;

/** A reference to a Kubernetes object, as an Event's {@code involvedObject} or {@code related}. */
public record ObjectRef(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    String fieldPath) {

  /** The API group: the part of {@code apiVersion} before the slash, empty for core. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
