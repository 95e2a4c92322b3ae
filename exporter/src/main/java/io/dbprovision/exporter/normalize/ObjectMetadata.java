package io.dbprovision.exporter.normalize;

import java.util.List;
import java.util.Map;

/**
 * What the exporter knows of an involved object beyond the Event's reference: its live labels and
 * annotations (for {@code labels:}/{@code annotations:} rules and templates), its owners, and
 * whether it is gone (deleted, or being deleted).
 */
public record ObjectMetadata(
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerRef> ownerReferences,
    boolean deleted) {

  /** Nothing known: lookups are off ({@code omitLookup}) or failed. */
  public static final ObjectMetadata UNKNOWN =
      new ObjectMetadata(Map.of(), Map.of(), List.of(), false);

  /** The object does not exist (any more). */
  public static final ObjectMetadata GONE = new ObjectMetadata(Map.of(), Map.of(), List.of(), true);

  public ObjectMetadata {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    ownerReferences = List.copyOf(ownerReferences);
  }
}
