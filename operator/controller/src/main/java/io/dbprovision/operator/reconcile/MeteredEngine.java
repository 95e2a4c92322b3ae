package io.dbprovision.operator.reconcile;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.engine.ServerInfo;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.metrics.OperatorMetrics.OperationResult;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Password;
import java.util.List;
import java.util.OptionalLong;

/**
 * Counts the operations every reconciler runs on a database server in {@code
 * dbprovision_operations_total{kind, operation, engine, result}}, whatever reconciler calls them:
 * health checks, ensures (create or make match), drops, password changes and grant changes, each
 * under the kind of object it serves. Read-only lookups that are parts of those (sizes, owned
 * objects, current grants, grant resolution) are not counted on their own. A call that throws is a
 * {@code failure}.
 */
final class MeteredEngine implements DatabaseEngine {
  static final String HEALTH_CHECK = "health_check";
  static final String ENSURE = "ensure";
  static final String DROP = "drop";
  static final String SET_PASSWORD = "set_password";
  static final String APPLY_GRANTS = "apply_grants";

  private final DatabaseEngine engine;
  private final Engine kind;
  private final OperatorMetrics metrics;

  MeteredEngine(DatabaseEngine engine, Engine kind, OperatorMetrics metrics) {
    this.engine = engine;
    this.kind = kind;
    this.metrics = metrics;
  }

  /** One call on the server that may fail. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws EngineException;
  }

  private <T> T counted(ResourceKind resource, String operation, Call<T> call)
      throws EngineException {
    boolean succeeded = false;
    try {
      T result = call.run();
      succeeded = true;
      return result;
    } finally {
      metrics.operation(
          resource, operation, kind, succeeded ? OperationResult.SUCCESS : OperationResult.FAILURE);
    }
  }

  @Override
  public ServerInfo checkHealth() throws EngineException {
    return counted(ResourceKind.DATABASE_INSTANCE, HEALTH_CHECK, engine::checkHealth);
  }

  @Override
  public Outcome ensureDatabase(DesiredDatabase database, Enforcement enforcement)
      throws EngineException {
    return counted(
        ResourceKind.DATABASE, ENSURE, () -> engine.ensureDatabase(database, enforcement));
  }

  @Override
  public OptionalLong databaseSize(String name) throws EngineException {
    return engine.databaseSize(name);
  }

  @Override
  public Outcome dropDatabase(String name) throws EngineException {
    return counted(ResourceKind.DATABASE, DROP, () -> engine.dropDatabase(name));
  }

  @Override
  public Outcome ensureUser(DesiredLogin login, Password initialPassword, Enforcement enforcement)
      throws EngineException {
    return counted(
        ResourceKind.DATABASE_USER,
        ENSURE,
        () -> engine.ensureUser(login, initialPassword, enforcement));
  }

  @Override
  public Outcome setPassword(DesiredLogin login, Password password) throws EngineException {
    return counted(
        ResourceKind.DATABASE_USER, SET_PASSWORD, () -> engine.setPassword(login, password));
  }

  @Override
  public Outcome dropUser(String name) throws EngineException {
    return counted(ResourceKind.DATABASE_USER, DROP, () -> engine.dropUser(name));
  }

  @Override
  public Outcome ensureRole(DesiredRole role, Enforcement enforcement) throws EngineException {
    return counted(ResourceKind.DATABASE_ROLE, ENSURE, () -> engine.ensureRole(role, enforcement));
  }

  @Override
  public Outcome dropRole(String name) throws EngineException {
    return counted(ResourceKind.DATABASE_ROLE, DROP, () -> engine.dropRole(name));
  }

  @Override
  public List<String> objectsOwnedBy(String principal) throws EngineException {
    return engine.objectsOwnedBy(principal);
  }

  @Override
  public GrantSet currentGrants(Grantee grantee, GrantScope scope) throws EngineException {
    return engine.currentGrants(grantee, scope);
  }

  @Override
  public GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException {
    return engine.resolve(grantee, requested);
  }

  @Override
  public void applyGrantPlan(Grantee grantee, GrantPlan plan) throws EngineException {
    counted(
        ResourceKind.DATABASE_GRANT,
        APPLY_GRANTS,
        () -> {
          engine.applyGrantPlan(grantee, plan);
          return null;
        });
  }

  /** Counted once as the whole ensure; its inner lookups and plan runs stay with the engine. */
  @Override
  public Outcome ensureGrants(
      Grantee grantee, GrantSet requested, GrantScope scope, Enforcement enforcement)
      throws EngineException {
    return counted(
        ResourceKind.DATABASE_GRANT,
        ENSURE,
        () -> engine.ensureGrants(grantee, requested, scope, enforcement));
  }
}
