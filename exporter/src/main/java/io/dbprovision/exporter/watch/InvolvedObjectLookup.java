package io.dbprovision.exporter.watch;

import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.dbprovision.exporter.pipeline.MetadataLookup;

/** The operator's kinds from their informers; every other kind from the bounded cache. */
public final class InvolvedObjectLookup implements MetadataLookup {
  private final OperatorObjects operatorObjects;
  private final ObjectMetadataCache otherKinds;

  public InvolvedObjectLookup(OperatorObjects operatorObjects, ObjectMetadataCache otherKinds) {
    this.operatorObjects = operatorObjects;
    this.otherKinds = otherKinds;
  }

  @Override
  public ObjectMetadata lookup(ObjectRef involvedObject) {
    return operatorObjects
        .lookup(involvedObject)
        .orElseGet(() -> otherKinds.lookup(involvedObject));
  }
}
