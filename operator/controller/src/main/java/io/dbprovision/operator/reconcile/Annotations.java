package io.dbprovision.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** The {@code dbops.dbprovision.io/*} annotations a user sets to steer the operator. */
final class Annotations {
  static final String PREFIX = "dbops.dbprovision.io/";

  /** Deletion protection for kinds without a spec field (DatabaseUser, DatabaseRole). */
  static final String DELETION_PROTECTION = PREFIX + "deletion-protection";

  /**
   * {@code Delete} (default) or {@code Retain}: whether the login is dropped from the server when a
   * DatabaseUser is deleted (that kind has no spec field for it).
   */
  static final String DELETION_POLICY = PREFIX + "deletion-policy";

  /** Overrides deletion protection and dependency blocking. */
  static final String FORCE_DELETE = PREFIX + "force-delete";

  /** Lets drift correction make destructive changes. */
  static final String ALLOW_DESTRUCTIVE_DRIFT = PREFIX + "allow-destructive-drift";

  private Annotations() {}

  static boolean isTrue(HasMetadata resource, String annotation) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations != null && "true".equalsIgnoreCase(annotations.get(annotation));
  }
}
