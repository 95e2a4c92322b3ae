package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.engine.Identifiers.display;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseGrantSpec;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Optional;

/**
 * Who receives a DatabaseGrant's privileges and where: the DatabaseUser or DatabaseRole it names,
 * that grantee's instance, and the Database the grant belongs to. While any of them is missing or
 * not Ready the grant waits in Pending with the reason; it does not fail.
 *
 * <p>Deletion needs less: the grantee's name and a Ready instance. A grantee that is gone, or being
 * deleted itself, leaves nothing to revoke, because dropping a login or role takes its privileges
 * with it.
 */
final class GrantParties {
  sealed interface Resolution permits Resolved, Waiting {}

  /**
   * Everything a pass needs. {@code foreignMemberships} are the grantee's own {@code inRoles},
   * which its resource manages; {@code database} is the referenced Database's name on the server.
   */
  record Resolved(
      Grantee grantee,
      ParentInstance.Available parent,
      List<String> foreignMemberships,
      Optional<String> database)
      implements Resolution {

    /**
     * The privileges this grant owns: the databases it names and its own database, every membership
     * except the grantee's {@code inRoles}.
     */
    GrantScope scope(GrantSet requested) {
      GrantScope scope = GrantScope.of(requested).excludingMemberships(foreignMemberships);
      return database.map(scope::withDatabase).orElse(scope);
    }

    /** The grantee for messages, such as {@code user 'app'}. */
    String describe() {
      return (grantee.kind() == Grantee.Kind.USER ? "user " : "role ")
          + display(grantee.name())
          + " on instance "
          + parent.instance().getMetadata().getName();
    }
  }

  /**
   * Not ready to act. {@code nothingToRevoke} is true when a deletion may go ahead without
   * revoking: the grantee or its instance is gone.
   */
  record Waiting(String reason, String message, boolean nothingToRevoke) implements Resolution {}

  /** What a grant needs from its grantee's spec. */
  private record GranteeSpec(Grantee grantee, ResourceRef instanceRef, List<String> inRoles) {
    static GranteeSpec of(HasMetadata resource) {
      if (resource instanceof DatabaseUser user) {
        var postgres = user.getSpec().getPostgres();
        return new GranteeSpec(
            Grantee.user(user.getSpec().getUsername()),
            user.getSpec().getInstanceRef(),
            postgres == null || postgres.getInRoles() == null
                ? List.of()
                : List.copyOf(postgres.getInRoles()));
      }
      DatabaseRole role = (DatabaseRole) resource;
      var postgres = role.getSpec().getPostgres();
      return new GranteeSpec(
          Grantee.role(role.getSpec().getRoleName()),
          role.getSpec().getInstanceRef(),
          postgres == null || postgres.getInRoles() == null
              ? List.of()
              : List.copyOf(postgres.getInRoles()));
    }
  }

  private final CachedLookup<DatabaseUser> users;
  private final CachedLookup<DatabaseRole> roles;
  private final CachedLookup<Database> databases;
  private final ParentInstance parents;

  /** Reads through the informers of {@link GrantTriggers}. */
  GrantParties(KubernetesClient client, ParentInstance parents) {
    this.users = new CachedLookup<>(client, DatabaseUser.class, GrantTriggers.USERS);
    this.roles = new CachedLookup<>(client, DatabaseRole.class, GrantTriggers.ROLES);
    this.databases = new CachedLookup<>(client, Database.class, GrantTriggers.DATABASES);
    this.parents = parents;
  }

  /** The parties of a pass that applies the spec. */
  Resolution resolve(Context<?> context, DatabaseGrant grant) throws EngineException {
    return resolve(context, grant, false);
  }

  /** The parties of a deletion: the database need not be Ready, the grantee need not be Ready. */
  Resolution resolveForRevocation(Context<?> context, DatabaseGrant grant) throws EngineException {
    return resolve(context, grant, true);
  }

  private Resolution resolve(Context<?> context, DatabaseGrant grant, boolean revoking)
      throws EngineException {
    DatabaseGrantSpec spec = grant.getSpec();
    String namespace = grant.getMetadata().getNamespace();
    if ((spec.getUserRef() == null) == (spec.getRoleRef() == null)) {
      throw new InvalidSpecException(
          "resolve the grantee of DatabaseGrant " + grant.getMetadata().getName(),
          "set exactly one of userRef and roleRef");
    }
    boolean user = spec.getUserRef() != null;
    ResourceRef granteeRef = user ? spec.getUserRef() : spec.getRoleRef();
    HasMetadata granteeResource =
        user
            ? find(context, users, namespace, granteeRef)
            : find(context, roles, namespace, granteeRef);
    String granteeKind = user ? "DatabaseUser" : "DatabaseRole";
    String granteeName = namespaceOf(granteeRef, namespace) + "/" + granteeRef.getName();
    if (granteeResource == null) {
      return new Waiting(
          "GranteeNotFound", "Waiting for " + granteeKind + " " + granteeName + " to exist", true);
    }
    if (revoking && granteeResource.getMetadata().getDeletionTimestamp() != null) {
      return new Waiting("GranteeDeleting", granteeKind + " " + granteeName + " is deleted", true);
    }
    if (!revoking && !ReadyCondition.isReady(statusOf(granteeResource))) {
      return new Waiting(
          "GranteeNotReady",
          "Waiting for " + granteeKind + " " + granteeName + " to be Ready",
          false);
    }
    GranteeSpec granteeSpec = GranteeSpec.of(granteeResource);
    String granteeNamespace = granteeResource.getMetadata().getNamespace();

    Optional<String> database = Optional.empty();
    if (spec.getDatabaseRef() != null) {
      Database db = find(context, databases, namespace, spec.getDatabaseRef());
      String dbName = namespaceOf(spec.getDatabaseRef(), namespace) + "/" + db(spec);
      if (!revoking && db == null) {
        return new Waiting(
            "DatabaseNotFound", "Waiting for Database " + dbName + " to exist", false);
      }
      if (!revoking && !ReadyCondition.isReady(db.getStatus())) {
        return new Waiting(
            "DatabaseNotReady", "Waiting for Database " + dbName + " to be Ready", false);
      }
      if (db != null) {
        Optional<String> mismatch =
            instanceMismatch(db, granteeSpec.instanceRef(), granteeNamespace);
        if (mismatch.isPresent() && !revoking) {
          throw new InvalidSpecException(
              "resolve DatabaseGrant " + grant.getMetadata().getName(),
              "Database "
                  + db.getMetadata().getName()
                  + " is on instance "
                  + mismatch.get()
                  + ", not on the instance of "
                  + granteeKind
                  + " "
                  + granteeName);
        }
        // A deletion revokes in the grant's own database only when it is the grantee's server.
        database = mismatch.isEmpty() ? Optional.of(db.getSpec().getName()) : Optional.empty();
      }
    }

    ParentInstance.Resolution instance =
        parents.resolve(context, granteeNamespace, granteeSpec.instanceRef());
    if (instance instanceof ParentInstance.Waiting waiting) {
      return new Waiting(waiting.reason(), waiting.message(), waiting.instanceMissing());
    }
    return new Resolved(
        granteeSpec.grantee(),
        (ParentInstance.Available) instance,
        granteeSpec.inRoles(),
        database);
  }

  /**
   * The Database's instance when it is not the grantee's: a grant cannot give privileges in a
   * database on another server.
   */
  private static Optional<String> instanceMismatch(
      Database db, ResourceRef granteeInstance, String granteeNamespace) {
    ResourceRef dbInstance = db.getSpec().getInstanceRef();
    String dbInstanceName =
        namespaceOf(dbInstance, db.getMetadata().getNamespace()) + "/" + dbInstance.getName();
    String granteeInstanceName =
        namespaceOf(granteeInstance, granteeNamespace) + "/" + granteeInstance.getName();
    return dbInstanceName.equals(granteeInstanceName)
        ? Optional.empty()
        : Optional.of(dbInstanceName);
  }

  /** A Ready copy from the cache, else whatever the API server has (null when nothing). */
  private static <T extends HasMetadata> T find(
      Context<?> context, CachedLookup<T> lookup, String namespace, ResourceRef ref) {
    return lookup
        .get(context, namespaceOf(ref, namespace), ref.getName(), ReadinessTrigger::isReady)
        .orElse(null);
  }

  private static String db(DatabaseGrantSpec spec) {
    return spec.getDatabaseRef().getName();
  }

  private static String namespaceOf(ResourceRef ref, String fallback) {
    return ref.getNamespace() == null || ref.getNamespace().isEmpty()
        ? fallback
        : ref.getNamespace();
  }

  private static ResourceStatus statusOf(HasMetadata resource) {
    return resource instanceof CustomResource<?, ?> custom
        ? (ResourceStatus) custom.getStatus()
        : null;
  }
}
