package io.dbprovision.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;

/**
 * The object an Event is about, as it appears in the Event's {@code involvedObject}. The {@code
 * resourceVersion} is the one the object had when the event was recorded; it is carried to the API
 * server but is not part of the object's identity, because every status patch changes it.
 */
public record InvolvedObject(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String uid,
    String resourceVersion) {

  public InvolvedObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** The reference to a resource, taken from its type information and metadata. */
  public static InvolvedObject of(HasMetadata resource) {
    ObjectMeta meta = Objects.requireNonNull(resource.getMetadata(), "metadata");
    String kind =
        resource.getKind() != null ? resource.getKind() : HasMetadata.getKind(resource.getClass());
    String apiVersion =
        resource.getApiVersion() != null
            ? resource.getApiVersion()
            : HasMetadata.getApiVersion(resource.getClass());
    return new InvolvedObject(
        apiVersion,
        kind,
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion());
  }

  /** What makes two references point at the same object, for correlation. */
  Identity identity() {
    return new Identity(apiVersion, kind, namespace, name, uid);
  }

  record Identity(String apiVersion, String kind, String namespace, String name, String uid) {}
}
