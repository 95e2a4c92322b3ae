package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.CredentialsSecretRef;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.SecretKeys;
import io.dbprovision.operator.backup.DatabaseAddress;
import io.dbprovision.operator.connect.ConnectionPools;
import io.dbprovision.operator.connect.ConnectionSettings;
import io.dbprovision.operator.engine.ConnectionSource;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.DatabaseEngines;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.model.Password;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine of a DatabaseInstance: its credentials read from the Secret, a pool from {@link
 * ConnectionPools} (replaced when the Secret or the spec changes), and one engine per pool so that
 * what an engine learns about its server (the version) is kept across reconciles. Every engine
 * counts its operations ({@link MeteredEngine}).
 */
public final class InstanceConnections implements AutoCloseable {
  /**
   * How long the children of an instance use credentials read from its Secret before reading it
   * again ({@link #recentEngineFor}): a changed Secret reaches them within this time, or at the
   * instance's next health check if that comes first.
   */
  public static final Duration CREDENTIALS_REUSE = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final ConnectionPools pools;
  private final DatabaseEngines engines;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final Map<String, PooledEngine> byInstance = new ConcurrentHashMap<>();

  /**
   * An engine with what it was built from: the instance (uid and generation, so that a recreated or
   * edited instance is read again) and when its Secret was read.
   */
  private record PooledEngine(
      ConnectionSource pool, DatabaseEngine engine, String uid, Long generation, Instant readAt) {

    boolean reusableFor(DatabaseInstance instance, Instant now) {
      return Objects.equals(uid, instance.getMetadata().getUid())
          && Objects.equals(generation, instance.getMetadata().getGeneration())
          && now.isBefore(readAt.plus(CREDENTIALS_REUSE));
    }
  }

  public InstanceConnections(
      KubernetesClient client,
      ConnectionPools pools,
      Duration timeout,
      OperatorMetrics metrics,
      Clock clock) {
    this.client = client;
    this.pools = pools;
    this.engines = new DatabaseEngines(timeout);
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * The engine for this instance as its spec and Secret say now. A missing Secret or key, or an
   * unusable spec, is an {@link InvalidSpecException}: nothing changes until someone fixes it.
   */
  public DatabaseEngine engineFor(DatabaseInstance instance) throws EngineException {
    String namespace = instance.getMetadata().getNamespace();
    String name = instance.getMetadata().getName();
    Instant readAt = clock.instant();
    ConnectionSettings settings = settings(instance);
    ConnectionSource source = pools.forInstance(namespace, name, settings);
    return byInstance
        .compute(
            namespace + "/" + name,
            (key, known) ->
                new PooledEngine(
                    source,
                    known != null && known.pool() == source
                        ? known.engine()
                        : meteredEngine(instance, source),
                    instance.getMetadata().getUid(),
                    instance.getMetadata().getGeneration(),
                    readAt))
        .engine();
  }

  /**
   * As {@link #engineFor}, but without reading the Secret again when it was read less than {@link
   * #CREDENTIALS_REUSE} ago for this instance as it is now: the children's passes use this, so that
   * a burst of them reads the Secret once, not once each. The instance's own health check uses
   * {@link #engineFor}, and a deleted Secret closes the pools at once.
   */
  public DatabaseEngine recentEngineFor(DatabaseInstance instance) throws EngineException {
    PooledEngine known = byInstance.get(key(instance));
    if (known != null && known.reusableFor(instance, clock.instant())) {
      return known.engine();
    }
    return engineFor(instance);
  }

  private static String key(DatabaseInstance instance) {
    return instance.getMetadata().getNamespace() + "/" + instance.getMetadata().getName();
  }

  /**
   * Where the dump and restore clients reach {@code database} on this instance, with the login of
   * its credentials Secret (read now, as for {@link #engineFor}).
   */
  public DatabaseAddress clientAddress(DatabaseInstance instance, String database)
      throws EngineException {
    ConnectionSettings settings = settings(instance);
    try {
      return new DatabaseAddress(
          settings.engine(),
          settings.host(),
          settings.port(),
          settings.username(),
          settings.password().reveal(),
          database);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(
          "address database " + database + " on instance " + instance.getMetadata().getName(),
          e.getMessage());
    }
  }

  private ConnectionSettings settings(DatabaseInstance instance) throws EngineException {
    String namespace = instance.getMetadata().getNamespace();
    String name = instance.getMetadata().getName();
    CredentialsSecretRef ref = instance.getSpec().getConnection().getSecretRef();
    String secretNamespace =
        ref.getNamespace() == null || ref.getNamespace().isEmpty() ? namespace : ref.getNamespace();
    SecretKeys keys = ref.getKeys() == null ? new SecretKeys() : ref.getKeys();
    Secret secret = client.secrets().inNamespace(secretNamespace).withName(ref.getName()).get();
    String operation = "read credentials Secret " + secretNamespace + "/" + ref.getName();
    if (secret == null) {
      forget(instance);
      throw new InvalidSpecException(operation, "the Secret does not exist");
    }
    String username =
        value(secret, keys.getUsername())
            .orElseThrow(() -> missingKey(operation, keys.getUsername()));
    Password password =
        Password.of(
            value(secret, keys.getPassword())
                .orElseThrow(() -> missingKey(operation, keys.getPassword())));
    try {
      return ConnectionSettings.from(instance.getSpec(), username, password, Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("connect to instance " + name, e.getMessage());
    }
  }

  private DatabaseEngine meteredEngine(DatabaseInstance instance, ConnectionSource source) {
    Engine engine = instance.getSpec().getEngine();
    return new MeteredEngine(engines.engineFor(engine, source), engine, metrics);
  }

  /** Closes the pools of an instance that is gone. */
  public void forget(DatabaseInstance instance) {
    String namespace = instance.getMetadata().getNamespace();
    String name = instance.getMetadata().getName();
    byInstance.remove(key(instance));
    pools.close(namespace, name);
  }

  private static InvalidSpecException missingKey(String operation, String key) {
    return new InvalidSpecException(operation, "the Secret has no key \"" + key + "\"");
  }

  private static Optional<String> value(Secret secret, String key) {
    if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
      return Optional.of(secret.getStringData().get(key));
    }
    if (secret.getData() == null || secret.getData().get(key) == null) {
      return Optional.empty();
    }
    // An empty password is legitimate (trust authentication); an empty user name is refused later.
    return Optional.of(
        new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    byInstance.clear();
    pools.close();
  }
}
