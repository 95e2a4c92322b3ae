package io.dbprovision.operator.connect;

import io.dbprovision.api.v1alpha1.Engine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The driver URL and properties for one database of an instance. Credentials travel only as
 * properties, never in the URL, so that a pool name or a logged URL cannot carry them. MySQL and
 * MariaDB both use the MariaDB driver, which speaks MySQL 8 authentication too.
 */
record JdbcConfiguration(String url, Properties properties) {

  static JdbcConfiguration of(ConnectionSettings settings, String database, Optional<Path> caFile) {
    Properties properties = new Properties();
    properties.setProperty("user", settings.username());
    properties.setProperty("password", settings.password().reveal());
    String host =
        settings.host().contains(":") && !settings.host().startsWith("[")
            ? "[" + settings.host() + "]"
            : settings.host();
    long timeoutSeconds = Math.max(1, settings.connectTimeout().toSeconds());
    if (settings.engine() == Engine.postgres) {
      properties.setProperty("connectTimeout", Long.toString(timeoutSeconds));
      properties.setProperty("loginTimeout", Long.toString(timeoutSeconds));
      properties.setProperty("ApplicationName", settings.applicationName());
      properties.setProperty("sslmode", postgresSslMode(settings));
      caFile.ifPresent(file -> properties.setProperty("sslrootcert", file.toString()));
      return new JdbcConfiguration(
          "jdbc:postgresql://"
              + host
              + ":"
              + settings.port()
              + "/"
              + URLEncoder.encode(database, StandardCharsets.UTF_8),
          properties);
    }
    properties.setProperty("connectTimeout", Long.toString(timeoutSeconds * 1000));
    properties.setProperty("sslMode", mariadbSslMode(settings));
    settings.caCertificatePem().ifPresent(pem -> properties.setProperty("serverSslCert", pem));
    return new JdbcConfiguration(
        "jdbc:mariadb://"
            + host
            + ":"
            + settings.port()
            + "/"
            + URLEncoder.encode(database, StandardCharsets.UTF_8),
        properties);
  }

  private static String postgresSslMode(ConnectionSettings settings) {
    if (!settings.tlsEnabled()) {
      // Constants are the CRD values, with VERIFY_CA standing for verify-ca.
      return settings.postgresSslMode().name().replace('_', '-').toLowerCase(java.util.Locale.ROOT);
    }
    return switch (settings.tlsMode()) {
      case disable -> "disable";
      case require -> "require";
      case VERIFY_CA -> "verify-ca";
      case VERIFY_FULL -> "verify-full";
    };
  }

  private static String mariadbSslMode(ConnectionSettings settings) {
    if (!settings.tlsEnabled()) {
      return "disable";
    }
    return switch (settings.tlsMode()) {
      case disable -> "disable";
      case require -> "trust";
      case VERIFY_CA -> "verify-ca";
      case VERIFY_FULL -> "verify-full";
    };
  }
}
