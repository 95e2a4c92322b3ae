package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.engine.ConnectionFailedException;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.Outcome;
import io.dbprovision.operator.engine.ServerInfo;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.DesiredRole;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.GrantPlan;
import io.dbprovision.operator.model.GrantScope;
import io.dbprovision.operator.model.GrantSet;
import io.dbprovision.operator.model.Grantee;
import io.dbprovision.operator.model.Password;
import io.dbprovision.operator.testing.Scrape;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Operations on servers are counted by kind, operation, engine and result. */
class MeteredEngineTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final OperatorMetrics metrics = new OperatorMetrics(registry);

  private double count(String kind, String operation, String engine, String result) {
    return Scrape.of(registry)
        .value(
            "dbprovision_operations_total",
            "kind",
            kind,
            "operation",
            operation,
            "engine",
            engine,
            "result",
            result)
        .orElse(0.0);
  }

  @Test
  void countsEachOperationUnderTheKindItServes() throws EngineException {
    DatabaseEngine engine = new MeteredEngine(new Answering(), Engine.postgres, metrics);

    engine.checkHealth();
    engine.checkHealth();
    engine.ensureDatabase(null, null);
    engine.dropDatabase("orders");
    engine.ensureUser(null, null, null);
    engine.setPassword(null, null);
    engine.ensureRole(null, null);
    engine.ensureGrants(null, null, null, null);
    engine.databaseSize("orders");

    assertThat(count("DatabaseInstance", "health_check", "postgres", "success")).isEqualTo(2.0);
    assertThat(count("Database", "ensure", "postgres", "success")).isEqualTo(1.0);
    assertThat(count("Database", "drop", "postgres", "success")).isEqualTo(1.0);
    assertThat(count("DatabaseUser", "ensure", "postgres", "success")).isEqualTo(1.0);
    assertThat(count("DatabaseUser", "set_password", "postgres", "success")).isEqualTo(1.0);
    assertThat(count("DatabaseRole", "ensure", "postgres", "success")).isEqualTo(1.0);
    // The whole grant ensure counts once, not its lookups and plan runs.
    assertThat(count("DatabaseGrant", "ensure", "postgres", "success")).isEqualTo(1.0);
    assertThat(count("DatabaseGrant", "apply_grants", "postgres", "success")).isZero();
  }

  @Test
  void aCallThatThrowsIsAFailureAndTheExceptionGoesThrough() {
    ConnectionFailedException refused =
        new ConnectionFailedException("connect", "connection refused", "08001", null);
    DatabaseEngine engine = new MeteredEngine(new Failing(refused), Engine.mariadb, metrics);

    assertThatThrownBy(engine::checkHealth).isSameAs(refused);
    assertThatThrownBy(() -> engine.dropUser("app")).isSameAs(refused);

    assertThat(count("DatabaseInstance", "health_check", "mariadb", "failure")).isEqualTo(1.0);
    assertThat(count("DatabaseInstance", "health_check", "mariadb", "success")).isZero();
    assertThat(count("DatabaseUser", "drop", "mariadb", "failure")).isEqualTo(1.0);
  }

  /** An engine whose every operation succeeds without changing anything. */
  private static class Answering implements DatabaseEngine {
    @Override
    public ServerInfo checkHealth() throws EngineException {
      return new ServerInfo("15.0", Duration.ofMillis(3));
    }

    @Override
    public Outcome ensureDatabase(DesiredDatabase database, Enforcement enforcement)
        throws EngineException {
      return Outcome.noop();
    }

    @Override
    public OptionalLong databaseSize(String name) throws EngineException {
      return OptionalLong.of(8192);
    }

    @Override
    public Outcome dropDatabase(String name) throws EngineException {
      return Outcome.noop();
    }

    @Override
    public Outcome ensureUser(DesiredLogin login, Password initialPassword, Enforcement e)
        throws EngineException {
      return Outcome.noop();
    }

    @Override
    public Outcome setPassword(DesiredLogin login, Password password) throws EngineException {
      return Outcome.noop();
    }

    @Override
    public Outcome dropUser(String name) throws EngineException {
      return Outcome.noop();
    }

    @Override
    public Outcome ensureRole(DesiredRole role, Enforcement enforcement) throws EngineException {
      return Outcome.noop();
    }

    @Override
    public Outcome dropRole(String name) throws EngineException {
      return Outcome.noop();
    }

    @Override
    public List<String> objectsOwnedBy(String principal) throws EngineException {
      return List.of();
    }

    @Override
    public GrantSet currentGrants(Grantee grantee, GrantScope scope) throws EngineException {
      return GrantSet.EMPTY;
    }

    @Override
    public GrantSet resolve(Grantee grantee, GrantSet requested) throws EngineException {
      return GrantSet.EMPTY;
    }

    @Override
    public void applyGrantPlan(Grantee grantee, GrantPlan plan) throws EngineException {}

    @Override
    public Outcome ensureGrants(
        Grantee grantee, GrantSet requested, GrantScope scope, Enforcement enforcement)
        throws EngineException {
      return Outcome.noop();
    }
  }

  /** An engine whose health check and user drop fail. */
  private static final class Failing extends Answering {
    private final EngineException failure;

    Failing(EngineException failure) {
      this.failure = failure;
    }

    @Override
    public ServerInfo checkHealth() throws EngineException {
      throw failure;
    }

    @Override
    public Outcome dropUser(String name) throws EngineException {
      throw failure;
    }
  }
}
