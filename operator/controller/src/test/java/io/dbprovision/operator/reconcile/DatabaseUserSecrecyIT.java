package io.dbprovision.operator.reconcile;

import static io.dbprovision.operator.reconcile.DatabaseUserEventsIT.awaitPassword;
import static io.dbprovision.operator.reconcile.DatabaseUserEventsIT.secretName;
import static io.dbprovision.operator.reconcile.DatabaseUserEventsIT.user;
import static io.dbprovision.operator.reconcile.DatabaseUserEventsIT.withDrift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.PasswordRotationSpec;
import io.dbprovision.operator.testing.TestClock;
import io.dbprovision.testkit.db.RealDatabases;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Every password the operator generates for a DatabaseUser (at creation, after the Secret was
 * deleted, on rotation) stays in the Secret: it appears in no log line, no Event message, no status
 * field, no resource annotation and no exception message, through creation, regeneration, rotation,
 * a failed update and deletion.
 */
@ExtendWith(MockKubernetesExtension.class)
class DatabaseUserSecrecyIT {
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger root;
  private Logger operatorLogs;
  private Level operatorLevel;
  private Scratch scratch;

  @BeforeEach
  void capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    captured.start();
    root.addAppender(captured);
    // The operator's own debug lines too: they say the most about passwords.
    operatorLogs = context.getLogger("io.dbprovision");
    operatorLevel = operatorLogs.getLevel();
    operatorLogs.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() throws SQLException {
    root.detachAppender(captured);
    operatorLogs.setLevel(operatorLevel);
    if (scratch != null) {
      scratch.close();
    }
  }

  /** Every captured log line with its exception chain (messages and stack traces). */
  private String logged() {
    synchronized (captured.list) {
      return captured.list.stream()
          .map(
              e ->
                  e.getFormattedMessage()
                      + (e.getThrowableProxy() == null
                          ? ""
                          : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
          .collect(Collectors.joining("\n"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestServer.class)
  void generatedPasswordsStayInTheSecret(TestServer kind, MockKubernetes kubernetes)
      throws SQLException {
    scratch = Scratch.on(RealDatabases.server(kind));
    String name = scratch.principalName("secret");
    TestClock clock = TestClock.at("2026-11-25T09:00:30Z");
    Set<String> passwords = new LinkedHashSet<>();
    List<String> seen = new ArrayList<>();
    try (OperatorOnMock operator = new OperatorOnMock(kubernetes, "usersecrecy", clock)) {
      operator.readyInstance("db", scratch.server());
      DatabaseUser user = withDrift(user("app", name, "db"), DriftMode.detect);
      PasswordRotationSpec rotation = new PasswordRotationSpec();
      rotation.setEnabled(true);
      rotation.setSchedule("0 * * * *");
      user.getSpec().setPasswordRotation(rotation);
      operator.create(user);
      operator.awaitReady(DatabaseUser.class, "app");
      passwords.add(awaitPassword(operator, name));
      seen.add(Serialization.asJson(operator.get(DatabaseUser.class, "app")));

      // Regeneration after the Secret is deleted.
      operator.client.secrets().inNamespace(operator.namespace).withName(secretName(name)).delete();
      String regenerated =
          await()
              .atMost(OperatorOnMock.PATIENCE)
              .until(
                  () -> DatabaseUserEventsIT.secretData(operator, name).get("password"),
                  p -> p != null && !passwords.contains(p));
      passwords.add(regenerated);
      seen.add(Serialization.asJson(operator.get(DatabaseUser.class, "app")));

      // Rotation.
      clock.advance(Duration.ofHours(1));
      String rotated =
          await()
              .atMost(OperatorOnMock.PATIENCE)
              .until(
                  () -> DatabaseUserEventsIT.secretData(operator, name).get("password"),
                  p -> p != null && !passwords.contains(p));
      passwords.add(rotated);
      operator.awaitEvent("DatabaseUser", "app", "PasswordRotated");
      seen.add(Serialization.asJson(operator.get(DatabaseUser.class, "app")));

      // A failed update: the failure's message and the exception JOSDK logs.
      String absent = scratch.principalName("absent");
      operator
          .client
          .resources(DatabaseUser.class)
          .inNamespace(operator.namespace)
          .withName("app")
          .edit(
              current -> {
                if (kind == TestServer.POSTGRES) {
                  current.getSpec().getPostgres().setInRoles(List.of(absent));
                } else {
                  current.getSpec().getMysql().setAllowedHosts(List.of("%", "bad host"));
                }
                return current;
              });
      operator.awaitEvent("DatabaseUser", "app", "ReconcileFailed");
      seen.add(Serialization.asJson(operator.get(DatabaseUser.class, "app")));
      seen.add(Serialization.asJson(operator.get(DatabaseInstance.class, "db")));

      operator.client.resource(operator.get(DatabaseUser.class, "app")).delete();
      operator.awaitGone(DatabaseUser.class, "app");
      for (Event event : operator.events()) {
        seen.add(event.getMessage());
      }
    }
    seen.add(logged());

    assertThat(passwords).hasSize(3);
    // The capture saw the user reconciler at work, password changes included.
    assertThat(logged()).contains("password change REGENERATED", "password change ROTATED");
    for (String password : passwords) {
      String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
      assertThat(seen)
          .allSatisfy(
              text -> {
                if (text != null) {
                  assertThat(text).doesNotContain(password).doesNotContain(encoded);
                }
              });
    }
  }
}
