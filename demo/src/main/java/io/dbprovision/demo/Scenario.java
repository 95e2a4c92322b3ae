package io.dbprovision.demo;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import io.dbprovision.api.v1alpha1.DatabaseGrant;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.demo.Console.Source;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.model.DesiredDatabase;
import io.dbprovision.operator.model.Enforcement;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo does, as a person with kubectl and psql would: register the server, ask for a
 * database, a login and its grant, try to delete a protected database, change a database behind the
 * operator's back; then wait until the exporter has counted and notified the Warnings.
 */
final class Scenario {
  static final String NAMESPACE = "apps";

  /** Connecting, creating a database: well under a second on a local server. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** The drift the demo makes: the manifest says 5. */
  private static final int DRIFTED_CONNECTION_LIMIT = 9;

  private final KubernetesClient user;
  private final Console console;
  private final EventFeed events;
  private final SlackNotifications notifications;
  private final EventCounters counters;
  private final PostgresServer server;
  private final DatabaseEngine engine;
  private final ServerNames names;
  private final Set<String> reconciledKinds;
  private final Manifests manifests;

  Scenario(
      KubernetesClient user,
      Console console,
      EventFeed events,
      SlackNotifications notifications,
      EventCounters counters,
      PostgresServer server,
      DatabaseEngine engine,
      ServerNames names,
      Set<String> reconciledKinds) {
    this.user = user;
    this.console = console;
    this.events = events;
    this.notifications = notifications;
    this.counters = counters;
    this.server = server;
    this.engine = engine;
    this.names = names;
    this.reconciledKinds = reconciledKinds;
    Map<String, String> values =
        new HashMap<>(
            Map.of(
                "POSTGRES_HOST", server.host(),
                "POSTGRES_PORT", Integer.toString(server.port()),
                "POSTGRES_DATABASE", server.adminDatabase()));
    values.putAll(names.placeholders());
    this.manifests = new Manifests(values);
  }

  void run() throws ScenarioFailure, InterruptedException, IOException {
    registerServer();
    createDatabase();
    createLoginAndGrant();
    scheduleNightlyBackups();
    protectedDelete();
    driftBehindTheOperatorsBack();
    awaitExporter();
  }

  private void registerServer() throws ScenarioFailure, InterruptedException {
    step(
        "kubectl apply: Namespace "
            + NAMESPACE
            + ", Secret pg-admin (administrator credentials), DatabaseInstance pg-main -> "
            + server.host()
            + ":"
            + server.port());
    user.namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    user.secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("pg-admin")
                .endMetadata()
                .withStringData(
                    Map.of("username", server.adminUser(), "password", server.adminPassword()))
                .build())
        .create();
    apply(manifests.load("instance", DatabaseInstance.class));
    awaitReady(DatabaseInstance.class, "pg-main");
  }

  private void createDatabase() throws ScenarioFailure, InterruptedException {
    step("kubectl apply: Database orders -> database " + names.ordersDatabase());
    apply(manifests.load("database", Database.class));
    awaitReady(Database.class, "orders");
  }

  private void createLoginAndGrant() throws ScenarioFailure, InterruptedException {
    step(
        "kubectl apply: DatabaseUser orders-app -> login "
            + names.login()
            + ", DatabaseGrant orders-app-rw");
    apply(manifests.load("user", DatabaseUser.class));
    apply(manifests.load("grant", DatabaseGrant.class));
    for (var kind : List.of(DatabaseUser.class, DatabaseGrant.class)) {
      String kindName = HasMetadata.getKind(kind);
      if (!reconciledKinds.contains(kindName)) {
        console.line(
            Source.DEMO,
            "this build has no " + kindName + " reconciler yet: the object stays as applied");
      }
    }
    if (reconciledKinds.contains(HasMetadata.getKind(DatabaseUser.class))) {
      awaitReady(DatabaseUser.class, "orders-app");
    }
    if (reconciledKinds.contains(HasMetadata.getKind(DatabaseGrant.class))) {
      awaitReady(DatabaseGrant.class, "orders-app-rw");
    }
  }

  private void scheduleNightlyBackups() throws ScenarioFailure, InterruptedException {
    step("kubectl apply: DatabaseBackupSchedule orders-nightly (02:30 Europe/Berlin, keep 7)");
    apply(manifests.load("schedule", DatabaseBackupSchedule.class));
    awaitReady(DatabaseBackupSchedule.class, "orders-nightly");
    DatabaseBackupSchedule schedule =
        user.resources(DatabaseBackupSchedule.class)
            .inNamespace(NAMESPACE)
            .withName("orders-nightly")
            .get();
    console.line(
        Source.DEMO, "orders-nightly: next backup at " + schedule.getStatus().getNextBackupTime());
  }

  private void protectedDelete() throws ScenarioFailure, InterruptedException {
    step("kubectl apply: Database archive (deletionProtection: true)");
    apply(manifests.load("archive", Database.class));
    awaitReady(Database.class, "archive");
    step("kubectl delete database archive: protected, so the operator refuses");
    user.resources(Database.class).inNamespace(NAMESPACE).withName("archive").delete();
    events.await("Database", "archive", "DeletionBlocked", PATIENCE);
  }

  private void driftBehindTheOperatorsBack() throws ScenarioFailure, InterruptedException {
    step(
        "psql: ALTER DATABASE "
            + names.ordersDatabase()
            + " CONNECTION LIMIT "
            + DRIFTED_CONNECTION_LIMIT
            + " (the manifest says 5), behind the operator's back");
    Database orders =
        user.resources(Database.class).inNamespace(NAMESPACE).withName("orders").get();
    DesiredDatabase desired = DesiredDatabase.from(orders.getSpec());
    try {
      engine.ensureDatabase(
          desired.withPostgres(desired.postgres().withConnectionLimit(DRIFTED_CONNECTION_LIMIT)),
          Enforcement.apply());
    } catch (EngineException e) {
      throw new ScenarioFailure("could not change the database: " + e.getMessage());
    }
    events.await("Database", "orders", "DriftDetected", PATIENCE);
  }

  /** The exporter counts and notifies asynchronously: wait until both Warnings went through. */
  private void awaitExporter() throws ScenarioFailure, InterruptedException, IOException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      List<String> counted = counters.counted();
      boolean bothCounted =
          EventCounters.counts(counted, "Database", "archive", "DeletionBlocked")
              && EventCounters.counts(counted, "Database", "orders", "DriftDetected");
      if (bothCounted && notifications.count() >= 2) {
        step("the exporter's /metrics (series that counted something):");
        counted.forEach(line -> console.line(Source.METRIC, line));
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ScenarioFailure(
            "the exporter did not count and notify the Warnings within "
                + PATIENCE.toSeconds()
                + "s");
      }
      Thread.sleep(200);
    }
  }

  private void step(String text) {
    console.line(Source.STEP, text);
  }

  private <T extends HasMetadata> void apply(T resource) {
    user.resource(resource).create();
  }

  private <T extends HasMetadata> void awaitReady(Class<T> type, String name)
      throws ScenarioFailure, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!isReady(user.resources(type).inNamespace(NAMESPACE).withName(name).get())) {
      if (System.nanoTime() > deadline) {
        throw new ScenarioFailure(
            HasMetadata.getKind(type)
                + "/"
                + name
                + " not Ready within "
                + PATIENCE.toSeconds()
                + "s");
      }
      Thread.sleep(100);
    }
  }

  private static boolean isReady(HasMetadata resource) {
    if (!(resource instanceof CustomResource<?, ?> custom)
        || !(custom.getStatus() instanceof ResourceStatus status)) {
      return false;
    }
    return status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
