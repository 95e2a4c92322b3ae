package io.dbprovision.operator.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.operator.engine.ConnectionSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small HikariCP pool per DatabaseInstance, reused across reconciles.
 *
 * <p>Pools are keyed by the instance's namespace and name and remember the {@link
 * ConnectionSettings#fingerprint() fingerprint} they were built from. Asking again with different
 * settings (the Secret's password changed, the host moved, a new CA) closes the old pool and builds
 * a new one; {@link #close(String, String)} closes it when the instance goes away.
 *
 * <p>PostgreSQL keeps per-database catalogs, so an engine also works inside other databases of an
 * instance. Those connections are not pooled: each is opened for one session and closed after it, a
 * few at a time per instance ({@link DatabaseSessions} says why).
 */
public final class ConnectionPools implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPools.class);

  /**
   * Sizes and timeouts shared by every pool; {@code databaseSessionsPerInstance} bounds the
   * connections open at once to an instance's other databases.
   */
  public record Options(
      int maximumPoolSize,
      int databaseSessionsPerInstance,
      Duration idleTimeout,
      Duration maxLifetime) {
    public static final Options DEFAULTS =
        new Options(3, 3, Duration.ofMinutes(2), Duration.ofMinutes(15));
  }

  private final Options options;
  private final Map<String, InstancePools> instances = new ConcurrentHashMap<>();

  public ConnectionPools(Options options) {
    this.options = options;
  }

  public ConnectionPools() {
    this(Options.DEFAULTS);
  }

  /**
   * The connections of an instance, built from these settings. The same pool comes back as long as
   * the settings do not change.
   */
  public ConnectionSource forInstance(String namespace, String name, ConnectionSettings settings) {
    String key = namespace + "/" + name;
    String fingerprint = settings.fingerprint();
    InstancePools current = instances.get(key);
    if (current != null && current.fingerprint.equals(fingerprint)) {
      return current;
    }
    synchronized (this) {
      current = instances.get(key);
      if (current != null && current.fingerprint.equals(fingerprint)) {
        return current;
      }
      if (current != null) {
        LOG.info("Connection settings of instance {} changed; replacing its pool", key);
        current.close();
      }
      InstancePools created = new InstancePools(key, settings, fingerprint, options);
      instances.put(key, created);
      return created;
    }
  }

  /** Closes the pools of an instance that was deleted (or lost its credentials). */
  public synchronized void close(String namespace, String name) {
    InstancePools removed = instances.remove(namespace + "/" + name);
    if (removed != null) {
      removed.close();
    }
  }

  /** The instances that currently have pools, as {@code namespace/name}. */
  public Set<String> instances() {
    return Set.copyOf(instances.keySet());
  }

  @Override
  public synchronized void close() {
    instances.values().forEach(InstancePools::close);
    instances.clear();
  }

  /** The pool of one instance's administrative database, and sessions to its other databases. */
  static final class InstancePools implements ConnectionSource {
    private final String key;
    private final ConnectionSettings settings;
    private final String fingerprint;
    private final Options options;
    private final Optional<Path> caFile;
    private final HikariDataSource admin;
    private final DatabaseSessions databases;
    private volatile boolean closed;

    InstancePools(String key, ConnectionSettings settings, String fingerprint, Options options) {
      this.key = key;
      this.settings = settings;
      this.fingerprint = fingerprint;
      this.options = options;
      this.caFile = writeCertificate(settings);
      this.admin = pool(settings.adminDatabase(), 1);
      this.databases =
          new DatabaseSessions(
              options.databaseSessionsPerInstance(),
              Duration.ofMillis(Math.max(250, settings.connectTimeout().toMillis())));
    }

    private HikariDataSource pool(String database, int minimumIdle) {
      JdbcConfiguration jdbc = JdbcConfiguration.of(settings, database, caFile);
      HikariConfig config = new HikariConfig();
      config.setPoolName("dbprovision-" + key.replace('/', '-') + "-" + database);
      config.setJdbcUrl(jdbc.url());
      config.setDataSourceProperties(jdbc.properties());
      config.setMaximumPoolSize(options.maximumPoolSize());
      config.setMinimumIdle(Math.min(minimumIdle, options.maximumPoolSize()));
      long connectMillis = Math.max(250, settings.connectTimeout().toMillis());
      config.setConnectionTimeout(connectMillis);
      config.setValidationTimeout(Math.max(250, Math.min(connectMillis, 5000)));
      config.setIdleTimeout(options.idleTimeout().toMillis());
      config.setMaxLifetime(options.maxLifetime().toMillis());
      // A server that is down when the pool is built is a transient failure of the first
      // reconcile, not a reason to refuse to build the pool.
      config.setInitializationFailTimeout(-1);
      config.setDriverClassName(
          settings.engine() == Engine.postgres
              ? "org.postgresql.Driver"
              : "org.mariadb.jdbc.Driver");
      return new HikariDataSource(config);
    }

    @Override
    public Connection admin() throws SQLException {
      requireOpen();
      return admin.getConnection();
    }

    @Override
    public Connection database(String name) throws SQLException {
      requireOpen();
      if (name.equals(settings.adminDatabase())) {
        return admin.getConnection();
      }
      if (settings.engine() != Engine.postgres) {
        Connection connection = admin.getConnection();
        connection.setCatalog(name); // HikariCP restores the catalog when it is returned
        return connection;
      }
      return databases.open(JdbcConfiguration.of(settings, name, caFile), name);
    }

    private void requireOpen() throws SQLException {
      if (closed) {
        throw new SQLException("the pool of instance " + key + " was closed", "08003");
      }
    }

    void close() {
      closed = true;
      admin.close();
      caFile.ifPresent(
          file -> {
            try {
              Files.deleteIfExists(file);
            } catch (IOException e) {
              LOG.warn("Could not delete the CA file of instance {}: {}", key, e.getMessage());
            }
          });
    }

    /** PostgreSQL's driver reads the CA from a file; MariaDB's takes the PEM text directly. */
    private static Optional<Path> writeCertificate(ConnectionSettings settings) {
      if (settings.engine() != Engine.postgres || settings.caCertificatePem().isEmpty()) {
        return Optional.empty();
      }
      try {
        Path file =
            Files.createTempFile(
                "dbprovision-ca-",
                ".pem",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, settings.caCertificatePem().get(), StandardCharsets.US_ASCII);
        return Optional.of(file);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the instance's CA certificate", e);
      }
    }
  }
}
