package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.ResourceStatus;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.Scratch;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario of {@link ObservabilityLiveIT}: the objects of {@code live/scenario.yaml} in a fresh
 * namespace of the mock API server, on the real PostgreSQL and MariaDB, and the changes made behind
 * the operator's back once they are Ready. Between them they make the operator write Normal and
 * Warning events of every kind of trouble the alerts are about.
 */
final class LiveScenario implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  /** An event the scenario must make the operator write. */
  record ExpectedEvent(String kind, String name, String reason) {
    boolean matches(Event event) {
      return kind.equals(event.getInvolvedObject().getKind())
          && name.equals(event.getInvolvedObject().getName())
          && reason.equals(event.getReason());
    }

    @Override
    public String toString() {
      return kind + "/" + name + " " + reason;
    }
  }

  /** The events the operator writes today, for the reconcilers merged so far. */
  static final List<ExpectedEvent> EXPECTED_EVENTS =
      List.of(
          new ExpectedEvent("DatabaseInstance", "pg", "Connected"),
          new ExpectedEvent("DatabaseInstance", "pg", "HealthCheckPassed"),
          new ExpectedEvent("DatabaseInstance", "maria", "HealthCheckFailed"),
          new ExpectedEvent("DatabaseInstance", "unreachable", "ConnectionFailed"),
          new ExpectedEvent("DatabaseInstance", "nosecret", "ReconcileFailed"),
          new ExpectedEvent("Database", "orders", "Created"),
          new ExpectedEvent("Database", "orders", "DriftDetected"),
          new ExpectedEvent("Database", "fixed", "DriftCorrectionFailed"),
          new ExpectedEvent("Database", "protected", "DeletionBlocked"),
          new ExpectedEvent("Database", "template", "DeleteFailed"),
          new ExpectedEvent("Database", "ghost", "CreateFailed"),
          new ExpectedEvent("DatabaseUser", "app", "Created"),
          new ExpectedEvent("DatabaseUser", "app", "SecretCreated"),
          new ExpectedEvent("DatabaseGrant", "app-rw", "Applied"),
          new ExpectedEvent("DatabaseBackup", "orders-backup", "Completed"),
          new ExpectedEvent("DatabaseRestore", "orders-restore", "Completed"));

  private final KubernetesClient client;
  private final String namespace;
  private final DatabaseServer postgres;
  private final Scratch scratch;
  private final Map<String, String> values = new HashMap<>();
  private final List<HasMetadata> created = new ArrayList<>();

  private LiveScenario(
      KubernetesClient client, String namespace, DatabaseServer postgres, Scratch scratch) {
    this.client = client;
    this.namespace = namespace;
    this.postgres = postgres;
    this.scratch = scratch;
  }

  /**
   * Creates the scenario's objects in the namespace (the operator is not running yet), with fresh
   * names on the servers and the owner role that the drift correction will miss.
   */
  static LiveScenario create(
      KubernetesClient client,
      String namespace,
      DatabaseServer postgres,
      DatabaseServer mariadb,
      int closedPort,
      String backupSubPath)
      throws SQLException {
    LiveScenario scenario = new LiveScenario(client, namespace, postgres, Scratch.on(postgres));
    Map<String, String> v = scenario.values;
    v.put("PG_HOST", postgres.host());
    v.put("PG_PORT", Integer.toString(postgres.port()));
    v.put("PG_USER", postgres.adminUser());
    v.put("PG_PASSWORD", postgres.adminPassword());
    v.put("PG_ADMIN_DATABASE", postgres.adminDatabase());
    v.put("MARIA_HOST", mariadb.host());
    v.put("MARIA_PORT", Integer.toString(mariadb.port()));
    v.put("MARIA_USER", mariadb.adminUser());
    v.put("MARIA_PASSWORD", mariadb.adminPassword());
    v.put("MARIA_ADMIN_DATABASE", mariadb.adminDatabase());
    v.put("CLOSED_PORT", Integer.toString(closedPort));
    v.put("BACKUP_SUBPATH", backupSubPath);
    Scratch names = scenario.scratch;
    v.put("DB_ORDERS", names.databaseName("orders"));
    v.put("DB_FIXED", names.databaseName("fixed"));
    v.put("DB_PROTECTED", names.databaseName("protected"));
    v.put("DB_TEMPLATE", names.databaseName("template"));
    v.put("DB_GHOST", names.databaseName("ghost"));
    v.put("DB_RESTORED", names.databaseName("restored"));
    v.put("FIXED_OWNER", names.principalName("owner"));
    v.put("GHOST_OWNER", names.principalName("ghost"));
    v.put("APP_USER", names.principalName("app"));
    scenario.sql("CREATE ROLE " + names.quote(v.get("FIXED_OWNER")));
    scenario.apply("/live/scenario.yaml");
    return scenario;
  }

  String namespace() {
    return namespace;
  }

  /** The operator's objects (not the Secrets): the exporter keeps zero series for each. */
  List<HasMetadata> operatorObjects() {
    return created.stream().filter(o -> ResourceKind.fromKind(o.getKind()).isPresent()).toList();
  }

  /** Waits for the objects the changes below act on to be Ready. */
  void awaitReady() {
    awaitReady(DatabaseInstance.class, "pg");
    awaitReady(DatabaseInstance.class, "maria");
    for (String database : List.of("orders", "fixed", "protected", "template")) {
      awaitReady(Database.class, database);
    }
  }

  /**
   * What an administrator or a colleague does without asking the operator: alters a database, drops
   * an owner, deletes a protected and a template database, rotates a password elsewhere.
   */
  void changeBehindTheOperatorsBack() throws SQLException {
    sql("ALTER DATABASE " + scratch.quote(values.get("DB_ORDERS")) + " CONNECTION LIMIT 9");
    sql(
        "ALTER DATABASE "
            + scratch.quote(values.get("DB_FIXED"))
            + " OWNER TO "
            + scratch.quote(postgres.adminUser()));
    sql("DROP ROLE " + scratch.quote(values.get("FIXED_OWNER")));
    database("protected").delete();
    database("template").delete();
    Secret wrong =
        new SecretBuilder()
            .withNewMetadata()
            .withName("maria-admin")
            .withNamespace(namespace)
            .endMetadata()
            .withStringData(
                Map.of(
                    "username",
                    values.get("MARIA_USER"),
                    "password",
                    "rotated-elsewhere-" + System.nanoTime()))
            .build();
    client.resource(wrong).update();
  }

  /** Waits until the operator has written every expected event; fails naming those missing. */
  void awaitExpectedEvents() {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> assertThat(missingEvents()).as("events the operator has not written").isEmpty());
  }

  private List<ExpectedEvent> missingEvents() {
    List<Event> events = events();
    return EXPECTED_EVENTS.stream()
        .filter(expected -> events.stream().noneMatch(expected::matches))
        .toList();
  }

  private List<Event> events() {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }

  private Resource<Database> database(String name) {
    return client.resources(Database.class).inNamespace(namespace).withName(name);
  }

  private <T extends HasMetadata> void awaitReady(Class<T> type, String name) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              T resource = client.resources(type).inNamespace(namespace).withName(name).get();
              assertThat(
                      resource instanceof CustomResource<?, ?> custom
                          && custom.getStatus() instanceof ResourceStatus status
                          && isReady(status))
                  .as(
                      "%s %s is Ready; its status: %s",
                      type.getSimpleName(),
                      name,
                      resource instanceof CustomResource<?, ?> custom
                          ? client.getKubernetesSerialization().asJson(custom.getStatus())
                          : "(none)")
                  .isTrue();
            });
  }

  private static boolean isReady(ResourceStatus status) {
    return status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void apply(String resource) {
    String text;
    try (InputStream in = LiveScenario.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the test resources");
      }
      text = substitute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isEmpty()) {
          continue;
        }
        ((ObjectNode) document.path("metadata")).put("namespace", namespace);
        created.add(client.resource(bind(document)).create());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": not valid YAML", e);
    }
  }

  /**
   * The typed object of a manifest. Binding fails on a field the class does not know, so a typo in
   * the scenario fails here instead of being ignored by the mock (which checks no schema).
   */
  private static HasMetadata bind(JsonNode manifest) throws IOException {
    String kind = manifest.path("kind").asText();
    if (kind.equals("Secret")) {
      return YAML.treeToValue(manifest, Secret.class);
    }
    ResourceKind ours =
        ResourceKind.fromKind(kind)
            .orElseThrow(() -> new IllegalArgumentException("unexpected kind " + kind));
    try {
      Class<? extends HasMetadata> type =
          Class.forName("io.dbprovision.api.v1alpha1." + ours.kind()).asSubclass(HasMetadata.class);
      return YAML.treeToValue(manifest, type);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no resource class for " + kind, e);
    }
  }

  /**
   * The manifest text with every placeholder replaced; values that may be empty or hold YAML's
   * special characters (the credentials) stand in double quotes in the file.
   */
  private String substitute(String text) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalStateException("scenario.yaml: no value for " + placeholder.group());
      }
      // Escaped for a double-quoted YAML scalar: a password may hold any character.
      String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
      placeholder.appendReplacement(out, Matcher.quoteReplacement(escaped));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  private void sql(String statement) throws SQLException {
    try (Connection admin = postgres.openAdmin();
        Statement s = admin.createStatement()) {
      s.execute(statement);
    }
  }

  /**
   * Drops what the scenario created on the servers. The template database must stop being one
   * first: PostgreSQL refuses to drop a template (which is why its deletion failed).
   */
  @Override
  public void close() throws SQLException {
    String template = values.get("DB_TEMPLATE");
    try (Connection admin = postgres.openAdmin();
        PreparedStatement exists =
            admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, template);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          sql("ALTER DATABASE " + scratch.quote(template) + " IS_TEMPLATE false");
        }
      }
    } finally {
      scratch.close();
    }
  }
}
