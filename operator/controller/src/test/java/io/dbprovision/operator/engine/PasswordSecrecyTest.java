package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dbprovision.operator.engine.mysql.MySqlEngine;
import io.dbprovision.operator.model.DesiredLogin;
import io.dbprovision.operator.model.Enforcement;
import io.dbprovision.operator.model.Password;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No password in any exception message, cause, stack trace or log line, even when the server quotes
 * the failing statement back (see {@link EchoingServer}).
 */
class PasswordSecrecyTest {
  static final Password PASSWORD = Password.of("Tr0ub4dor'&3;--\\x");
  static final Object[] VERSION = {"10.11.19-MariaDB", "STRICT_TRANS_TABLES"};
  static final Object[] ACCOUNT = {"%", 0L, 0L, 0L, 0L, "", false};

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.TRACE);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
    root.setLevel(Level.INFO);
  }

  static String everythingAbout(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return failure + "\n" + text;
  }

  void assertNothingLeaked(Throwable failure) {
    assertThat(failure).isNotNull();
    // The server echoes the escaped literal ('Tr0ub4dor''&3...'), so look for a fragment too.
    assertThat(everythingAbout(failure))
        .doesNotContain(PASSWORD.reveal())
        .doesNotContain("Tr0ub4dor")
        .contains("withheld");
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(line -> line.contains("Tr0ub4dor"));
  }

  @Test
  void aFailedPasswordChangeDoesNotRevealThePassword() {
    MySqlEngine engine =
        new MySqlEngine(
            new EchoingServer(
                Map.of(
                    "VERSION()",
                    List.<Object[]>of(VERSION),
                    "mysql.user",
                    List.<Object[]>of(ACCOUNT))),
            Duration.ofSeconds(5));

    EngineException failure =
        catchThrowableOfType(
            EngineException.class, () -> engine.setPassword(DesiredLogin.named("app"), PASSWORD));

    assertNothingLeaked(failure);
    assertThat(failure.getMessage()).startsWith("set the password of 'app': ");
  }

  @Test
  void aFailedUserCreationDoesNotRevealThePassword() {
    MySqlEngine engine =
        new MySqlEngine(
            new EchoingServer(Map.of("VERSION()", List.<Object[]>of(VERSION))),
            Duration.ofSeconds(5));

    EngineException failure =
        catchThrowableOfType(
            EngineException.class,
            () -> engine.ensureUser(DesiredLogin.named("app"), PASSWORD, Enforcement.apply()));

    assertNothingLeaked(failure);
  }

  @Test
  void passwordsPrintAsAMask() {
    assertThat(PASSWORD.toString()).isEqualTo("Password[******]");
    assertThat(
            new io.dbprovision.operator.connect.ConnectionSettings(
                    io.dbprovision.api.v1alpha1.Engine.mariadb,
                    "db.example",
                    3306,
                    "mysql",
                    "root",
                    PASSWORD,
                    false,
                    null,
                    java.util.Optional.empty(),
                    null,
                    null,
                    null)
                .toString())
        .doesNotContain(PASSWORD.reveal());
  }
}
