package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseRole;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;

/**
 * Wakes the DatabaseGrants that name a DatabaseUser, DatabaseRole or Database when it becomes Ready
 * or stops being Ready, so that a waiting grant is applied at once rather than at its next {@link
 * ParentInstance#RECHECK}. The same informers' caches serve {@link GrantParties}; the instance
 * informer only serves its cache (a grant reaches its instance through its grantee).
 */
final class GrantTriggers {
  static final String USERS = "grant-DatabaseUser";
  static final String ROLES = "grant-DatabaseRole";
  static final String DATABASES = "grant-Database";

  private GrantTriggers() {}

  static List<EventSource<?, DatabaseGrant>> eventSources(
      EventSourceContext<DatabaseGrant> context) {
    return List.of(
        ReadinessTrigger.on(
            context, DatabaseUser.class, USERS, grant -> grant.getSpec().getUserRef()),
        ReadinessTrigger.on(
            context, DatabaseRole.class, ROLES, grant -> grant.getSpec().getRoleRef()),
        ReadinessTrigger.on(
            context, Database.class, DATABASES, grant -> grant.getSpec().getDatabaseRef()),
        ParentInstance.trigger(context, grant -> null));
  }
}
