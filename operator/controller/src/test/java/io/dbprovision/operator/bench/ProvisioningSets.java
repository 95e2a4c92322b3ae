package io.dbprovision.operator.bench;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's resources, written as a user would write them: one instance on a real server and
 * {@code n} sets of (Database, DatabaseUser, DatabaseGrant) on it, with server-side names from a
 * {@link Scratch} so that everything is dropped afterwards.
 */
final class ProvisioningSets {
  static final String INSTANCE = "bench";

  private final KubernetesClient client;
  private final String namespace;
  private final DatabaseServer server;
  private final Scratch scratch;
  private final List<Set> sets = new ArrayList<>();

  /** Names of one set: Kubernetes names and the names on the server. */
  record Set(String resource, String database, String user) {}

  /** {@code count} sets named {@code <prefix>-0000} onwards. */
  ProvisioningSets(
      KubernetesClient client, String namespace, Scratch scratch, String prefix, int count) {
    this.client = client;
    this.namespace = namespace;
    this.server = scratch.server();
    this.scratch = scratch;
    for (int i = 0; i < count; i++) {
      sets.add(
          new Set(
              String.format(Locale.ROOT, "%s-%04d", prefix, i),
              scratch.databaseName("bench" + i),
              scratch.principalName("bench" + i)));
    }
  }

  List<Set> sets() {
    return sets;
  }

  /** The administrator Secret and the instance. */
  void createInstance() {
    Secret admin =
        new SecretBuilder()
            .withNewMetadata()
            .withName(INSTANCE + "-admin")
            .withNamespace(namespace)
            .endMetadata()
            .withStringData(
                Map.of("username", server.adminUser(), "password", server.adminPassword()))
            .build();
    client.resource(admin).create();
    create(
        DatabaseInstance.class,
        """
        apiVersion: dbops.dbprovision.io/v1alpha1
        kind: DatabaseInstance
        metadata:
          name: %s
        spec:
          engine: %s
          connection:
            host: %s
            port: %d
            database: %s
            secretRef:
              name: %s-admin
          deletionProtection: false
        """
            .formatted(
                INSTANCE,
                engine(),
                server.host(),
                server.port(),
                server.adminDatabase(),
                INSTANCE));
  }

  /** Every set's three resources, in the order a user applying a directory would create them. */
  void createAll() {
    for (Set set : sets) {
      create(
          Database.class,
          """
          apiVersion: dbops.dbprovision.io/v1alpha1
          kind: Database
          metadata:
            name: %s
          spec:
            instanceRef:
              name: %s
            name: %s
            deletionProtection: false
          """
              .formatted(set.resource(), INSTANCE, set.database()));
      create(
          DatabaseUser.class,
          """
          apiVersion: dbops.dbprovision.io/v1alpha1
          kind: DatabaseUser
          metadata:
            name: %s
          spec:
            instanceRef:
              name: %s
            username: %s
          """
              .formatted(set.resource(), INSTANCE, set.user()));
      create(
          DatabaseGrant.class,
          """
          apiVersion: dbops.dbprovision.io/v1alpha1
          kind: DatabaseGrant
          metadata:
            name: %s
          spec:
            userRef:
              name: %s
            databaseRef:
              name: %s
            deletionProtection: false
            postgres:
              grants:
                - database: %s
                  privileges: [CONNECT, CREATE]
            mysql:
              grants:
                - level: database
                  database: %s
                  privileges: [SELECT, INSERT]
          """
              .formatted(
                  set.resource(), set.resource(), set.resource(), set.database(), set.database()));
    }
  }

  /**
   * The SQL the operator is asked to bring about for one set, as an administrator would type it.
   */
  List<String> floorStatements(Set set, String password) {
    String database = scratch.quote(set.database());
    return switch (server.kind()) {
      case POSTGRES -> {
        String user = scratch.quote(set.user());
        yield List.of(
            "CREATE DATABASE " + database,
            "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'",
            "GRANT CONNECT, CREATE ON DATABASE " + database + " TO " + user);
      }
      case MARIADB -> {
        String user = scratch.quote(set.user()) + "@'%'";
        yield List.of(
            "CREATE DATABASE " + database,
            "CREATE USER " + user + " IDENTIFIED BY '" + password + "'",
            "GRANT SELECT, INSERT ON " + database + ".* TO " + user);
      }
    };
  }

  private String engine() {
    return server.kind() == TestServer.POSTGRES ? "postgres" : "mariadb";
  }

  private <T extends HasMetadata> void create(Class<T> type, String yaml) {
    T resource = client.getKubernetesSerialization().unmarshal(yaml, type);
    client.resources(type).inNamespace(namespace).resource(resource).create();
  }
}
