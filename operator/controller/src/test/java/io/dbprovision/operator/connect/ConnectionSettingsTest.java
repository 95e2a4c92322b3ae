package io.dbprovision.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.ConnectionSpec;
import io.dbprovision.api.v1alpha1.CredentialsSecretRef;
import io.dbprovision.api.v1alpha1.DatabaseInstanceSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.TlsMode;
import io.dbprovision.api.v1alpha1.TlsSpec;
import io.dbprovision.operator.model.Password;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionSettingsTest {

  static DatabaseInstanceSpec spec(Engine engine, String host) {
    DatabaseInstanceSpec spec = new DatabaseInstanceSpec();
    spec.setEngine(engine);
    ConnectionSpec connection = new ConnectionSpec();
    connection.setHost(host);
    connection.setPort(5432);
    connection.setDatabase("postgres");
    connection.setSecretRef(new CredentialsSecretRef());
    spec.setConnection(connection);
    return spec;
  }

  static ConnectionSettings settings(DatabaseInstanceSpec spec, String password) {
    return ConnectionSettings.from(spec, "admin", Password.of(password), Optional.empty());
  }

  @Test
  void readsTheInstanceSpecWithTheSchemaDefaults() {
    ConnectionSettings settings = settings(spec(Engine.postgres, "pg.shop.svc"), "pw");

    assertThat(settings.host()).isEqualTo("pg.shop.svc");
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.applicationName()).isEqualTo("db-provision-operator");
    assertThat(settings.tlsEnabled()).isFalse();
  }

  @Test
  void mapsTlsModesOntoEachDriver() {
    DatabaseInstanceSpec spec = spec(Engine.postgres, "pg");
    TlsSpec tls = new TlsSpec();
    tls.setEnabled(true);
    tls.setMode(TlsMode.VERIFY_FULL);
    spec.setTls(tls);

    JdbcConfiguration postgres =
        JdbcConfiguration.of(settings(spec, "pw"), "postgres", Optional.empty());
    spec.setEngine(Engine.mysql);
    JdbcConfiguration mysql = JdbcConfiguration.of(settings(spec, "pw"), "mysql", Optional.empty());

    assertThat(postgres.properties().getProperty("sslmode")).isEqualTo("verify-full");
    assertThat(mysql.properties().getProperty("sslMode")).isEqualTo("verify-full");
  }

  @Test
  void changesItsFingerprintWithThePasswordAndNothingElseEqual() {
    DatabaseInstanceSpec spec = spec(Engine.postgres, "pg");

    assertThat(settings(spec, "a").fingerprint()).isEqualTo(settings(spec, "a").fingerprint());
    assertThat(settings(spec, "a").fingerprint()).isNotEqualTo(settings(spec, "b").fingerprint());
    assertThat(settings(spec, "a").toString()).doesNotContain("fingerprint").doesNotContain("pw");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"db?sslmode=disable", "db/other", "db:5432", "user@db", "", "a b", "[::1]/x"})
  void refusesHostsThatWouldChangeTheJdbcUrl(String host) {
    assertThatThrownBy(() -> settings(spec(Engine.postgres, host), "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection.host");
  }
}
