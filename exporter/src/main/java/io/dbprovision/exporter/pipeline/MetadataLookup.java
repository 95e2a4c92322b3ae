package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;

/** Finds the live labels, annotations and owners of an Event's involved object. */
@FunctionalInterface
public interface MetadataLookup {
  /** Never throws: what cannot be found is {@link ObjectMetadata#UNKNOWN} or {@code GONE}. */
  ObjectMetadata lookup(ObjectRef involvedObject);

  /** {@code omitLookup: true}: nothing is looked up. */
  MetadataLookup NONE = ref -> ObjectMetadata.UNKNOWN;
}
