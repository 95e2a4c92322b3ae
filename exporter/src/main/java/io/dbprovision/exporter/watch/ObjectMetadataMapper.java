package io.dbprovision.exporter.watch;

import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.OwnerRef;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;

/** Copies what the exporter needs from a fabric8 object's metadata. */
final class ObjectMetadataMapper {
  private ObjectMetadataMapper() {}

  static ObjectMetadata of(ObjectMeta meta) {
    List<OwnerRef> owners =
        meta.getOwnerReferences() == null
            ? List.of()
            : meta.getOwnerReferences().stream().map(ObjectMetadataMapper::owner).toList();
    return new ObjectMetadata(
        meta.getLabels() == null ? Map.of() : meta.getLabels(),
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations(),
        owners,
        meta.getDeletionTimestamp() != null);
  }

  private static OwnerRef owner(OwnerReference o) {
    return new OwnerRef(
        text(o.getApiVersion()),
        text(o.getKind()),
        text(o.getName()),
        text(o.getUid()),
        Boolean.TRUE.equals(o.getController()),
        Boolean.TRUE.equals(o.getBlockOwnerDeletion()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
