package io.dbprovision.operator.connect;

import io.dbprovision.api.v1alpha1.ConnectionSpec;
import io.dbprovision.api.v1alpha1.DatabaseInstanceSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.HealthCheckSpec;
import io.dbprovision.api.v1alpha1.PostgresConnectionSpec;
import io.dbprovision.api.v1alpha1.PostgresSslMode;
import io.dbprovision.api.v1alpha1.TlsMode;
import io.dbprovision.api.v1alpha1.TlsSpec;
import io.dbprovision.operator.model.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything needed to open connections to one DatabaseInstance, resolved from its spec and its
 * Secrets. Two settings with the same {@link #fingerprint()} can share a pool; a changed password,
 * host or TLS certificate changes the fingerprint and so replaces the pool.
 *
 * <p>{@link #toString()} leaves out the password and the certificate.
 */
public record ConnectionSettings(
    Engine engine,
    String host,
    int port,
    String adminDatabase,
    String username,
    Password password,
    boolean tlsEnabled,
    TlsMode tlsMode,
    Optional<String> caCertificatePem,
    PostgresSslMode postgresSslMode,
    Duration connectTimeout,
    String applicationName) {

  /** A DNS name or IPv4 address, or an IPv6 address (two colons at least, brackets optional). */
  private static final Pattern HOST =
      Pattern.compile("^[A-Za-z0-9.\\-]{1,253}$|^\\[?[0-9A-Fa-f]*:[0-9A-Fa-f]*:[0-9A-Fa-f:.]*]?$");

  public ConnectionSettings {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(password, "password");
    if (host == null || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "connection.host must be a host name or an IP address, got '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("connection.port must be 1..65535, got " + port);
    }
    if (adminDatabase == null || adminDatabase.isEmpty()) {
      throw new IllegalArgumentException("connection.database must not be empty");
    }
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("the credentials Secret holds an empty user name");
    }
    tlsMode = tlsMode == null ? TlsMode.disable : tlsMode;
    caCertificatePem = caCertificatePem == null ? Optional.empty() : caCertificatePem;
    postgresSslMode = postgresSslMode == null ? PostgresSslMode.prefer : postgresSslMode;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    applicationName = applicationName == null ? "db-provision-operator" : applicationName;
  }

  /**
   * The settings a DatabaseInstance spec describes, with the credentials and CA certificate the
   * reconciler read from its Secrets.
   */
  public static ConnectionSettings from(
      DatabaseInstanceSpec spec, String username, Password password, Optional<String> caPem) {
    ConnectionSpec connection = spec.getConnection();
    TlsSpec tls = spec.getTls();
    PostgresConnectionSpec postgres =
        spec.getPostgres() == null ? new PostgresConnectionSpec() : spec.getPostgres();
    HealthCheckSpec health =
        spec.getHealthCheck() == null ? new HealthCheckSpec() : spec.getHealthCheck();
    Duration connectTimeout =
        Duration.ofSeconds(
            spec.getEngine() == Engine.postgres
                ? orDefault(postgres.getConnectTimeout(), 10)
                : orDefault(health.getTimeoutSeconds(), 5));
    return new ConnectionSettings(
        spec.getEngine(),
        connection.getHost(),
        connection.getPort() == null ? 0 : connection.getPort(),
        connection.getDatabase(),
        username,
        password,
        tls != null && Boolean.TRUE.equals(tls.getEnabled()),
        tls == null ? null : tls.getMode(),
        caPem,
        postgres.getSslMode(),
        connectTimeout,
        postgres.getApplicationName());
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  /** A digest of every field, the password included; equal settings give equal fingerprints. */
  public String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object part :
          new Object[] {
            engine,
            host,
            port,
            adminDatabase,
            username,
            password.reveal(),
            tlsEnabled,
            tlsMode,
            caCertificatePem.orElse(""),
            postgresSslMode,
            connectTimeout,
            applicationName
          }) {
        byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return engine
        + "://"
        + username
        + "@"
        + host
        + ":"
        + port
        + "/"
        + adminDatabase
        + (tlsEnabled ? " tls=" + tlsMode : "");
  }
}
