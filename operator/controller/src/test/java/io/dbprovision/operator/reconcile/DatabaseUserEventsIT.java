package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.CatalogEvents.assertAllInCatalog;
import static io.dbprovision.operator.reconcile.CatalogEvents.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.DatabaseUserSpec;
import io.dbprovision.api.v1alpha1.DatabaseUserStatus;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import io.dbprovision.api.v1alpha1.PasswordRotationSpec;
import io.dbprovision.api.v1alpha1.PasswordSecretSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.operator.testing.TestClock;
import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DatabaseUser against the real PostgreSQL and MariaDB: one scenario per catalog row (on both
 * servers where the behaviour differs), each provoked for a real reason, plus waiting for the
 * instance, the Retain policy, and the credentials Secret's contents.
 */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseUserEventsIT {
  private static final String KIND = "DatabaseUser";

  private final List<Scratch> scratches = new ArrayList<>();

  @AfterEach
  void dropScratch() throws SQLException {
    for (Scratch scratch : scratches) {
      scratch.close();
    }
  }

  private Scratch scratch(TestServer kind) {
    Scratch scratch = Scratch.on(RealDatabases.server(kind));
    scratches.add(scratch);
    return scratch;
  }

  static void sql(DatabaseServer server, String statement) throws SQLException {
    try (Connection admin = server.openAdmin();
        Statement s = admin.createStatement()) {
      s.execute(statement);
    }
  }

  static DatabaseUser user(String name, String username, String instance) {
    DatabaseUser user = new DatabaseUser();
    user.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseUserSpec spec = new DatabaseUserSpec();
    spec.setInstanceRef(new ResourceRef(instance));
    spec.setUsername(username);
    user.setSpec(spec);
    return user;
  }

  static DatabaseUser withDrift(DatabaseUser user, DriftMode mode) {
    DriftPolicy policy = new DriftPolicy();
    policy.setMode(mode);
    policy.setInterval("2s");
    user.getSpec().setDriftPolicy(policy);
    return user;
  }

  static String secretName(String username) {
    return username.replace('_', '-') + "-credentials";
  }

  static Map<String, String> secretData(OperatorOnMock operator, String username) {
    Secret secret =
        operator
            .client
            .secrets()
            .inNamespace(operator.namespace)
            .withName(secretName(username))
            .get();
    Map<String, String> data = new LinkedHashMap<>();
    if (secret != null && secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return data;
  }

  static String awaitPassword(OperatorOnMock operator, String username) {
    return await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(() -> secretData(operator, username).get("password"), p -> p != null);
  }

  /** The first Event with that reason whose message contains {@code fragment}. */
  static Event awaitEvent(OperatorOnMock operator, String name, String reason, String fragment) {
    return await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(
            () ->
                operator.find(
                    e ->
                        OperatorOnMock.matches(e, KIND, name, reason)
                            && e.getMessage().contains(fragment)),
            Optional::isPresent)
        .orElseThrow();
  }

  private static DatabaseUserStatus status(OperatorOnMock operator, String name) {
    return operator.get(DatabaseUser.class, name).getStatus();
  }

  // ------------------------------------------------------------ Created, SecretCreated, Deleted

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void createdWithACredentialsSecretThenDropped(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(kind);
    DatabaseServer server = scratch.server();
    String name = scratch.principalName("app");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "usercreated")) {
      operator.readyInstance("db", server);
      operator.create(user("app", name, "db"));
      operator.awaitReady(DatabaseUser.class, "app");
      assertRow(operator.awaitEvent(KIND, "app", "Created"), CatalogEvent.USER_CREATED, name, "db");
      assertRow(
          operator.awaitEvent(KIND, "app", "SecretCreated"),
          CatalogEvent.USER_SECRET_CREATED,
          secretName(name),
          name);

      Secret secret =
          operator
              .client
              .secrets()
              .inNamespace(operator.namespace)
              .withName(secretName(name))
              .get();
      DatabaseUser user = operator.get(DatabaseUser.class, "app");
      assertThat(secret.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(
              owner -> {
                assertThat(owner.getKind()).isEqualTo(KIND);
                assertThat(owner.getName()).isEqualTo("app");
                assertThat(owner.getUid()).isEqualTo(user.getMetadata().getUid());
                assertThat(owner.getController()).isTrue();
              });
      assertThat(secret.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "db-provision-operator")
          .containsEntry("dbops.dbprovision.io/user", "app");
      Map<String, String> data = secretData(operator, name);
      String password = data.get("password");
      assertThat(data)
          .containsEntry("username", name)
          .containsEntry("host", server.host())
          .containsEntry("port", String.valueOf(server.port()))
          .containsEntry("database", server.adminDatabase());
      assertThat(password).hasSize(32);
      assertThat(data.get("uri"))
          .startsWith((kind == TestServer.POSTGRES ? "postgresql://" : "mysql://") + name + ":")
          .endsWith("@" + server.host() + ":" + server.port() + "/" + server.adminDatabase());
      assertThat(PasswordCheck.accepts(server, name, password)).isTrue();
      assertThat(PasswordCheck.accepts(server, name, password + "x")).isFalse();
      assertThat(user.getStatus().getSecret().getName()).isEqualTo(secretName(name));
      assertThat(user.getStatus().getSecret().getLastRotatedAt()).isNotNull();
      assertThat(user.getStatus().getPhase()).isEqualTo(DatabaseUserStatus.Phase.Ready);

      operator.client.resource(user).delete();
      assertRow(operator.awaitEvent(KIND, "app", "Deleted"), CatalogEvent.USER_DELETED, name);
      operator.awaitGone(DatabaseUser.class, "app");
      assertThat(PasswordCheck.accepts(server, name, password)).isFalse();
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void waitsInPendingForItsInstanceThenBecomesReady(MockKubernetes kubernetes) {
    Scratch scratch = scratch(TestServer.POSTGRES);
    String name = scratch.principalName("early");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userpending")) {
      operator.create(user("early", name, "later"));
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  status(operator, "early") != null
                      && status(operator, "early").getPhase() == DatabaseUserStatus.Phase.Pending);
      assertThat(status(operator, "early").getMessage()).contains("later");
      operator.readyInstance("later", scratch.server());
      operator.awaitReady(DatabaseUser.class, "early");
      assertThat(operator.events())
          .noneMatch(
              e -> "Warning".equals(e.getType()) && KIND.equals(e.getInvolvedObject().getKind()));
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void retainPolicyKeepsTheLoginAndItsSecret(MockKubernetes kubernetes) throws SQLException {
    Scratch scratch = scratch(TestServer.MARIADB);
    String name = scratch.principalName("kept");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userretain")) {
      operator.readyInstance("db", scratch.server());
      DatabaseUser user = user("kept", name, "db");
      user.getMetadata().setAnnotations(Map.of(Annotations.DELETION_POLICY, "Retain"));
      operator.create(user);
      operator.awaitReady(DatabaseUser.class, "kept");
      String password = awaitPassword(operator, name);
      operator.client.resource(operator.get(DatabaseUser.class, "kept")).delete();
      operator.awaitGone(DatabaseUser.class, "kept");
      assertThat(PasswordCheck.accepts(scratch.server(), name, password)).isTrue();
      assertThat(
              operator
                  .client
                  .secrets()
                  .inNamespace(operator.namespace)
                  .withName(secretName(name))
                  .get()
                  .getMetadata()
                  .getOwnerReferences())
          .isEmpty();
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "kept", "Deleted"))).isEmpty();
    }
  }

  // ------------------------------------------------------------ Secret regeneration and updates

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void deletedSecretIsRecreatedWithANewPasswordSetOnTheServer(
      TestServer kind, MockKubernetes kubernetes) throws SQLException {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("regen");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userregen")) {
      operator.readyInstance("db", scratch.server());
      operator.create(user("app", name, "db"));
      operator.awaitReady(DatabaseUser.class, "app");
      String before = awaitPassword(operator, name);

      operator.client.secrets().inNamespace(operator.namespace).withName(secretName(name)).delete();
      assertRow(
          awaitEvent(operator, "app", "SecretCreated", "missing"),
          CatalogEvent.USER_SECRET_CREATED,
          secretName(name),
          "password was reset");
      String after = awaitPassword(operator, name);
      assertThat(after).isNotEqualTo(before);
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> PasswordCheck.accepts(scratch.server(), name, after));
      assertThat(PasswordCheck.accepts(scratch.server(), name, before)).isFalse();
      assertThat(
              operator
                  .client
                  .secrets()
                  .inNamespace(operator.namespace)
                  .withName(secretName(name))
                  .get()
                  .getMetadata()
                  .getAnnotations())
          .doesNotContainKey(CredentialsSecret.PASSWORD_PENDING);
      assertAllInCatalog(operator.events());
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void secretUpdatedWhenItLostItsPasswordAndHost(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("edited");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userupdated")) {
      operator.readyInstance("db", scratch.server());
      operator.create(user("app", name, "db"));
      operator.awaitReady(DatabaseUser.class, "app");
      String before = awaitPassword(operator, name);

      operator
          .client
          .secrets()
          .inNamespace(operator.namespace)
          .withName(secretName(name))
          .edit(
              s -> {
                Map<String, String> data = new HashMap<>(s.getData());
                data.remove("password");
                data.put("host", Base64.getEncoder().encodeToString("elsewhere".getBytes()));
                s.setData(data);
                return s;
              });
      assertRow(
          operator.awaitEvent(KIND, "app", "SecretUpdated"),
          CatalogEvent.USER_SECRET_UPDATED,
          secretName(name),
          "held no password");
      String after = awaitPassword(operator, name);
      assertThat(after).isNotEqualTo(before);
      assertThat(secretData(operator, name)).containsEntry("host", scratch.server().host());
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> PasswordCheck.accepts(scratch.server(), name, after));
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void aSecretPreparedBeforehandSuppliesTheInitialPassword(MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(TestServer.MARIADB);
    String name = scratch.principalName("prepared");
    String chosen = "Chosen-by-the-team-42";
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userprepared")) {
      operator.readyInstance("db", scratch.server());
      operator
          .client
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName(secretName(name))
                  .withNamespace(operator.namespace)
                  .withLabels(Map.of("team", "orders"))
                  .endMetadata()
                  .withStringData(Map.of("password", chosen))
                  .build())
          .create();
      operator.create(user("app", name, "db"));
      operator.awaitReady(DatabaseUser.class, "app");
      assertThat(PasswordCheck.accepts(scratch.server(), name, chosen)).isTrue();
      assertRow(
          operator.awaitEvent(KIND, "app", "SecretUpdated"),
          CatalogEvent.USER_SECRET_UPDATED,
          secretName(name));
      Secret secret =
          operator
              .client
              .secrets()
              .inNamespace(operator.namespace)
              .withName(secretName(name))
              .get();
      assertThat(secret.getMetadata().getLabels()).containsEntry("team", "orders");
      assertThat(secret.getMetadata().getOwnerReferences()).hasSize(1);
      assertThat(secretData(operator, name))
          .containsEntry("password", chosen)
          .containsEntry("username", name);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void aPasswordLeftPendingIsSetOnTheServerOnTheNextPass(MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(TestServer.MARIADB);
    String name = scratch.principalName("pending");
    String unconfirmed = "Written-but-not-yet-set-7";
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userpending")) {
      operator.readyInstance("db", scratch.server());
      operator.create(user("app", name, "db"));
      operator.awaitReady(DatabaseUser.class, "app");
      String before = awaitPassword(operator, name);
      // What a pass that stopped between writing the Secret and setting the password leaves.
      operator
          .client
          .secrets()
          .inNamespace(operator.namespace)
          .withName(secretName(name))
          .edit(
              s -> {
                s.getMetadata().getAnnotations().put(CredentialsSecret.PASSWORD_PENDING, "true");
                s.getData()
                    .put(
                        "password",
                        Base64.getEncoder()
                            .encodeToString(unconfirmed.getBytes(StandardCharsets.UTF_8)));
                return s;
              });
      assertRow(
          awaitEvent(operator, "app", "SecretUpdated", "now set on the server"),
          CatalogEvent.USER_SECRET_UPDATED,
          secretName(name));
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> PasswordCheck.accepts(scratch.server(), name, unconfirmed));
      assertThat(PasswordCheck.accepts(scratch.server(), name, before)).isFalse();
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  !operator
                      .client
                      .secrets()
                      .inNamespace(operator.namespace)
                      .withName(secretName(name))
                      .get()
                      .getMetadata()
                      .getAnnotations()
                      .containsKey(CredentialsSecret.PASSWORD_PENDING));
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------ PasswordRotated

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void passwordRotatedOnScheduleByTheOperatorsClock(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("rotated");
    TestClock clock = TestClock.at("2026-11-25T09:00:30Z");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userrotate", clock)) {
      operator.readyInstance("db", scratch.server());
      DatabaseUser user = withDrift(user("app", name, "db"), DriftMode.detect);
      PasswordRotationSpec rotation = new PasswordRotationSpec();
      rotation.setEnabled(true);
      rotation.setSchedule("0 * * * *");
      user.getSpec().setPasswordRotation(rotation);
      operator.create(user);
      operator.awaitReady(DatabaseUser.class, "app");
      String before = awaitPassword(operator, name);
      assertThat(status(operator, "app").getRotation().getNextRotationAt())
          .isEqualTo("2026-11-25T10:00:00Z");
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "app", "PasswordRotated")))
          .isEmpty();

      clock.advance(Duration.ofHours(1));
      assertRow(
          operator.awaitEvent(KIND, "app", "PasswordRotated"),
          CatalogEvent.USER_PASSWORD_ROTATED,
          name,
          secretName(name),
          "2026-11-25T11:00:00Z");
      assertRow(
          awaitEvent(operator, "app", "SecretUpdated", "rotation"),
          CatalogEvent.USER_SECRET_UPDATED,
          secretName(name));
      String after = awaitPassword(operator, name);
      assertThat(after).isNotEqualTo(before);
      assertThat(PasswordCheck.accepts(scratch.server(), name, after)).isTrue();
      assertThat(PasswordCheck.accepts(scratch.server(), name, before)).isFalse();
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(() -> status(operator, "app").getRotation().getLastRotatedAt() != null);
      DatabaseUserStatus status = status(operator, "app");
      assertThat(status.getRotation().getLastRotatedAt()).isEqualTo("2026-11-25T10:00:30Z");
      assertThat(status.getRotation().getNextRotationAt()).isEqualTo("2026-11-25T11:00:00Z");
      assertThat(status.getSecret().getLastRotatedAt()).isEqualTo("2026-11-25T10:00:30Z");
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------ CreateFailed

  @Test
  void createFailedOnceForANameTheEngineRefuses(MockKubernetes kubernetes) throws Exception {
    scratch(TestServer.POSTGRES);
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userbad")) {
      operator.readyInstance("db", RealDatabases.server(TestServer.POSTGRES));
      DatabaseUser bad = user("bad", "evil\"; DROP ROLE postgres; --", "db");
      PasswordSecretSpec secret = new PasswordSecretSpec();
      secret.setSecretName("bad-credentials"); // so that the name reaches the engine
      bad.getSpec().setPasswordSecret(secret);
      operator.create(bad);
      assertRow(
          operator.awaitEvent(KIND, "bad", "CreateFailed"),
          CatalogEvent.USER_CREATE_FAILED,
          "Failed to");
      // Permanent: one Warning, Failed, and no retry loop behind it.
      Thread.sleep(3000);
      List<Event> warnings =
          operator.events().stream()
              .filter(e -> "bad".equals(e.getInvolvedObject().getName()))
              .toList();
      assertThat(warnings).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
      assertThat(status(operator, "bad").getPhase()).isEqualTo(DatabaseUserStatus.Phase.Failed);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void createFailedWhenTheInstanceAccountMayNotCreateUsers(MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(TestServer.MARIADB);
    DatabaseServer server = scratch.server();
    String limited = scratch.principalName("limited");
    String name = scratch.principalName("denied");
    // May connect and read the account tables, but not CREATE USER.
    sql(server, "CREATE USER '" + limited + "'@'%' IDENTIFIED BY 'limited-pass-1'");
    sql(server, "GRANT SELECT ON mysql.* TO '" + limited + "'@'%'");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userdenied")) {
      operator.adminSecret("limited-admin", limited, "limited-pass-1");
      operator.instance("db", server, server.port(), "limited-admin");
      operator.awaitReady(DatabaseInstance.class, "db");
      operator.create(user("app", name, "db"));
      assertRow(
          operator.awaitEvent(KIND, "app", "CreateFailed"),
          CatalogEvent.USER_CREATE_FAILED,
          "Failed to",
          name);
      assertThat(status(operator, "app").getConditions())
          .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("PermissionDenied"));
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------ DeleteFailed, DeletionBlocked

  @Test
  void deleteFailedWhenTheInstanceAccountMayNotDropTheUser(MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(TestServer.POSTGRES);
    DatabaseServer server = scratch.server();
    String name = scratch.principalName("promoted");
    String limited = scratch.principalName("limited");
    // May manage ordinary roles but not superusers (trust authentication: the password is unused).
    sql(server, "CREATE ROLE " + scratch.quote(limited) + " LOGIN CREATEROLE");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userdelete")) {
      operator.adminSecret("limited-admin", limited, "unused");
      operator.instance("db", server, server.port(), "limited-admin");
      operator.awaitReady(DatabaseInstance.class, "db");
      operator.create(user("promoted", name, "db"));
      operator.awaitReady(DatabaseUser.class, "promoted");
      sql(server, "ALTER ROLE " + scratch.quote(name) + " SUPERUSER");
      operator.client.resource(operator.get(DatabaseUser.class, "promoted")).delete();
      assertRow(
          operator.awaitEvent(KIND, "promoted", "DeleteFailed"),
          CatalogEvent.USER_DELETE_FAILED,
          "Failed to",
          name);
      assertThat(operator.get(DatabaseUser.class, "promoted")).isNotNull();
      assertAllInCatalog(operator.events());
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void deletionBlockedByTheProtectionAnnotation(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("guarded");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userprotect")) {
      operator.readyInstance("db", scratch.server());
      DatabaseUser user = user("guarded", name, "db");
      user.getMetadata().setAnnotations(Map.of(Annotations.DELETION_PROTECTION, "true"));
      operator.create(user);
      operator.awaitReady(DatabaseUser.class, "guarded");
      String password = awaitPassword(operator, name);
      operator.client.resource(operator.get(DatabaseUser.class, "guarded")).delete();
      assertRow(
          operator.awaitEvent(KIND, "guarded", "DeletionBlocked"),
          CatalogEvent.USER_DELETION_BLOCKED,
          "deletion protection");
      assertThat(PasswordCheck.accepts(scratch.server(), name, password)).isTrue();
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void deletionBlockedWhileTheUserOwnsObjects(MockKubernetes kubernetes) throws SQLException {
    Scratch scratch = scratch(TestServer.POSTGRES);
    DatabaseServer server = scratch.server();
    String name = scratch.principalName("owner");
    String schema = scratch.principalName("owned"); // a unique name; the schema is dropped below
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userowns")) {
      operator.readyInstance("db", server);
      operator.create(user("owner", name, "db"));
      operator.awaitReady(DatabaseUser.class, "owner");
      sql(
          server,
          "CREATE SCHEMA " + scratch.quote(schema) + " AUTHORIZATION " + scratch.quote(name));
      operator.client.resource(operator.get(DatabaseUser.class, "owner")).delete();
      assertRow(
          operator.awaitEvent(KIND, "owner", "DeletionBlocked"),
          CatalogEvent.USER_DELETION_BLOCKED,
          name,
          "owns 1 database object(s)",
          schema,
          "REASSIGN OWNED BY");
      assertThat(roleExists(server, name)).isTrue();
      assertAllInCatalog(operator.events());
    } finally {
      sql(server, "DROP SCHEMA IF EXISTS " + scratch.quote(schema));
    }
  }

  private static boolean roleExists(DatabaseServer server, String name) throws SQLException {
    try (Connection admin = server.openAdmin();
        PreparedStatement s = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, name);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  // ------------------------------------------------------------ drift

  /** Changes a connection limit behind the operator's back. */
  private static void alterConnectionLimit(Scratch scratch, String name) throws SQLException {
    if (scratch.server().kind() == TestServer.POSTGRES) {
      sql(scratch.server(), "ALTER ROLE " + scratch.quote(name) + " CONNECTION LIMIT 3");
    } else {
      sql(scratch.server(), "ALTER USER '" + name + "'@'%' WITH MAX_USER_CONNECTIONS 3");
    }
  }

  private static int connectionLimit(Scratch scratch, String name) throws SQLException {
    String query =
        scratch.server().kind() == TestServer.POSTGRES
            ? "SELECT rolconnlimit FROM pg_roles WHERE rolname = ?"
            : "SELECT max_user_connections FROM mysql.user WHERE User = ?";
    try (Connection admin = scratch.server().openAdmin();
        PreparedStatement s = admin.prepareStatement(query)) {
      s.setString(1, name);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void driftDetectedWhenAlteredBehindTheOperatorsBack(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("detect");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userdetect")) {
      operator.readyInstance("db", scratch.server());
      operator.create(withDrift(user("app", name, "db"), DriftMode.detect));
      operator.awaitReady(DatabaseUser.class, "app");
      alterConnectionLimit(scratch, name);
      assertRow(
          operator.awaitEvent(KIND, "app", "DriftDetected"),
          CatalogEvent.USER_DRIFT_DETECTED,
          "drift detected",
          kind == TestServer.POSTGRES ? "connectionLimit" : "maxUserConnections");
      await()
          .atMost(OperatorOnMock.PATIENCE)
          .until(
              () ->
                  status(operator, "app").getDrift() != null
                      && Boolean.TRUE.equals(status(operator, "app").getDrift().getDetected()));
      assertThat(connectionLimit(scratch, name)).isEqualTo(3);
      assertAllInCatalog(operator.events());
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void driftCorrectedInCorrectMode(TestServer kind, MockKubernetes kubernetes) throws SQLException {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("correct");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "usercorrect")) {
      operator.readyInstance("db", scratch.server());
      operator.create(withDrift(user("app", name, "db"), DriftMode.correct));
      operator.awaitReady(DatabaseUser.class, "app");
      alterConnectionLimit(scratch, name);
      assertRow(
          operator.awaitEvent(KIND, "app", "DriftCorrected"),
          CatalogEvent.USER_DRIFT_CORRECTED,
          "Drift corrected");
      assertThat(connectionLimit(scratch, name)).isEqualTo(kind == TestServer.POSTGRES ? -1 : 0);
      assertAllInCatalog(operator.events());
    }
  }

  @Test
  void driftCorrectionFailedWhenAMembershipCannotBeRestored(MockKubernetes kubernetes)
      throws SQLException {
    Scratch scratch = scratch(TestServer.POSTGRES);
    String name = scratch.principalName("member");
    String group = scratch.principalName("gone");
    sql(scratch.server(), "CREATE ROLE " + scratch.quote(group));
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "usercorrectfail")) {
      operator.readyInstance("db", scratch.server());
      DatabaseUser user = withDrift(user("app", name, "db"), DriftMode.correct);
      user.getSpec().getPostgres().setInRoles(List.of(group));
      operator.create(user);
      operator.awaitReady(DatabaseUser.class, "app");
      sql(scratch.server(), "DROP ROLE " + scratch.quote(group));
      assertRow(
          operator.awaitEvent(KIND, "app", "DriftCorrectionFailed"),
          CatalogEvent.USER_DRIFT_CORRECTION_FAILED,
          "Failed to",
          group);
      assertAllInCatalog(operator.events());
    }
  }

  // ------------------------------------------------------------ ReconcileFailed

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void reconcileFailedWhenAnUpdateCannotBeApplied(TestServer kind, MockKubernetes kubernetes) {
    Scratch scratch = scratch(kind);
    String name = scratch.principalName("update");
    String missing = scratch.principalName("missing");
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "userupdate")) {
      operator.readyInstance("db", scratch.server());
      operator.create(user("app", name, "db"));
      operator.awaitReady(DatabaseUser.class, "app");
      String expected = kind == TestServer.POSTGRES ? missing : "host";
      // A patch of the spec alone: the operator writes status meanwhile.
      operator
          .client
          .resources(DatabaseUser.class)
          .inNamespace(operator.namespace)
          .withName("app")
          .edit(
              user -> {
                if (kind == TestServer.POSTGRES) {
                  user.getSpec().getPostgres().setInRoles(List.of(missing)); // no such role
                } else {
                  user.getSpec().getMysql().setAllowedHosts(List.of("%", "10.0.0.1'; --"));
                }
                return user;
              });
      assertRow(
          operator.awaitEvent(KIND, "app", "ReconcileFailed"),
          CatalogEvent.USER_RECONCILE_FAILED,
          "Failed to",
          expected);
      assertThat(operator.find(e -> OperatorOnMock.matches(e, KIND, "app", "CreateFailed")))
          .isEmpty();
      assertAllInCatalog(operator.events());
    }
  }
}
