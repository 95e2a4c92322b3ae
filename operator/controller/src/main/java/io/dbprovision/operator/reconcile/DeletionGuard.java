package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a resource may go: deletion protection first, then the children that still refer to it
 * (an instance's databases, users and roles; a database's grants). The {@code
 * dbops.dbprovision.io/force-delete} annotation overrides both. The answer is the message of the
 * {@code DeletionBlocked} event, or empty when deletion may proceed.
 */
final class DeletionGuard {
  private final KubernetesClient client;

  DeletionGuard(KubernetesClient client) {
    this.client = client;
  }

  Optional<String> blocked(HasMetadata resource, boolean protectedBySpec) {
    if (Annotations.isTrue(resource, Annotations.FORCE_DELETE)) {
      return Optional.empty();
    }
    if (protectedBySpec) {
      return Optional.of(
          "Deletion blocked by deletion protection: set deletionProtection to false or annotate"
              + " with "
              + Annotations.FORCE_DELETE
              + "=true to delete it");
    }
    List<String> children = children(resource);
    if (children.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Deletion blocked: "
            + children.size()
            + " resource(s) still reference this "
            + resource.getKind()
            + ": "
            + String.join(", ", children)
            + ". Delete them first or annotate with "
            + Annotations.FORCE_DELETE
            + "=true");
  }

  /** Protection for kinds that carry it as an annotation (DatabaseUser, DatabaseRole). */
  static boolean protectedByAnnotation(HasMetadata resource) {
    return Annotations.isTrue(resource, Annotations.DELETION_PROTECTION);
  }

  private List<String> children(HasMetadata parent) {
    String namespace = parent.getMetadata().getNamespace();
    String name = parent.getMetadata().getName();
    List<String> children = new ArrayList<>();
    switch (parent.getKind()) {
      case "DatabaseInstance" -> {
        add(children, Database.class, namespace, name, d -> d.getSpec().getInstanceRef());
        add(children, DatabaseUser.class, namespace, name, u -> u.getSpec().getInstanceRef());
        add(children, DatabaseRole.class, namespace, name, r -> r.getSpec().getInstanceRef());
      }
      case "Database" ->
          add(children, DatabaseGrant.class, namespace, name, g -> g.getSpec().getDatabaseRef());
      default -> {
        // leaves: users and roles are referenced by grants, which revoke on their own deletion
      }
    }
    return children;
  }

  private <T extends HasMetadata> void add(
      List<String> children,
      Class<T> type,
      String namespace,
      String parent,
      Function<T, ResourceRef> reference) {
    for (T child : client.resources(type).inNamespace(namespace).list().getItems()) {
      ResourceRef ref =
          child.getMetadata().getDeletionTimestamp() == null ? reference.apply(child) : null;
      if (ref != null
          && parent.equals(ref.getName())
          && (ref.getNamespace() == null
              || ref.getNamespace().isEmpty()
              || ref.getNamespace().equals(namespace))) {
        children.add(child.getKind() + "/" + child.getMetadata().getName());
      }
    }
  }
}
