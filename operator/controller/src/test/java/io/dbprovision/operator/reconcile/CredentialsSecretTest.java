package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.ConnectionSpec;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseInstanceSpec;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.DatabaseUserSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.PasswordSecretSpec;
import io.dbprovision.operator.model.Password;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsSecretTest {
  private static DatabaseUser user(String username) {
    DatabaseUser user = new DatabaseUser();
    user.setMetadata(new ObjectMetaBuilder().withName("app").withNamespace("shop").build());
    DatabaseUserSpec spec = new DatabaseUserSpec();
    spec.setUsername(username);
    user.setSpec(spec);
    return user;
  }

  private static DatabaseInstance instance(Engine engine, String host) {
    DatabaseInstance instance = new DatabaseInstance();
    DatabaseInstanceSpec spec = new DatabaseInstanceSpec();
    spec.setEngine(engine);
    ConnectionSpec connection = new ConnectionSpec();
    connection.setHost(host);
    connection.setPort(5432);
    connection.setDatabase("postgres");
    spec.setConnection(connection);
    instance.setSpec(spec);
    return instance;
  }

  @Test
  void defaultNameIsAValidSecretNameDerivedFromTheUsername() {
    assertThat(CredentialsSecret.name(user("app"))).isEqualTo("app-credentials");
    assertThat(CredentialsSecret.name(user("Shop_App"))).isEqualTo("shop-app-credentials");
    assertThat(CredentialsSecret.name(user("_svc"))).isEqualTo("svc-credentials");
    assertThat(CredentialsSecret.nameProblem(user("Shop_App"))).isEmpty();
    assertThat(CredentialsSecret.nameProblem(user("x\"; drop"))).isPresent();

    DatabaseUser named = user("app");
    PasswordSecretSpec secret = new PasswordSecretSpec();
    secret.setSecretName("orders-db");
    named.getSpec().setPasswordSecret(secret);
    assertThat(CredentialsSecret.name(named)).isEqualTo("orders-db");
  }

  @Test
  void keysHoldTheConnectionDetailsAndAnEncodedUri() {
    Map<String, String> data =
        CredentialsSecret.data(
            user("app"), instance(Engine.postgres, "db.internal"), Password.of("p@ss:w/rd#1 %"));
    assertThat(data)
        .containsEntry("username", "app")
        .containsEntry("password", "p@ss:w/rd#1 %")
        .containsEntry("host", "db.internal")
        .containsEntry("port", "5432")
        .containsEntry("database", "postgres")
        .containsEntry(
            "uri", "postgresql://app:p%40ss%3Aw%2Frd%231%20%25@db.internal:5432/postgres");
    assertThat(
            CredentialsSecret.data(user("app"), instance(Engine.mariadb, "::1"), Password.of("x"))
                .get("uri"))
        .isEqualTo("mysql://app:x@[::1]:5432/postgres");
  }

  @Test
  void thePasswordIsReadFromDataOrStringDataAndAnEmptyOneIsNone() {
    Secret data =
        new SecretBuilder()
            .withData(
                Map.of(
                    "password",
                    Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8))))
            .build();
    assertThat(CredentialsSecret.password(data)).contains(Password.of("s3cret"));
    Secret stringData = new SecretBuilder().withStringData(Map.of("password", "typed")).build();
    assertThat(CredentialsSecret.password(stringData)).contains(Password.of("typed"));
    Secret empty = new SecretBuilder().withData(Map.of("password", "")).build();
    assertThat(CredentialsSecret.password(empty)).isEmpty();
    assertThat(CredentialsSecret.password(new SecretBuilder().build())).isEmpty();
  }
}
