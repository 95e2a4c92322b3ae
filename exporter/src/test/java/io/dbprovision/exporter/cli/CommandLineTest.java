package io.dbprovision.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.exporter.runtime.DeliveryFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CommandLineTest {
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "SLACK_TOKEN", "xoxb-secret-slack-token",
          "WEBHOOK_URL", "https://hooks.example.invalid/secret-path",
          "WEBHOOK_TOKEN", "secret-bearer-token");
  private static final DeliveryFactory NO_DELIVERY =
      (config, current, renderer, registry) -> {
        throw new AssertionError("these commands never deliver");
      };

  private record Result(int exit, String out, String err) {}

  private static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = ExporterCommand.commandLine(ENVIRONMENT::get, NO_DELIVERY, "test");
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(ExporterCommand.withDefaultCommand(args));
    return new Result(exit, out.toString(), err.toString());
  }

  private static String fixture(String name) {
    try {
      return Path.of(CommandLineTest.class.getResource("/cli/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void validateAcceptsAUsableConfiguration() {
    Result result = execute("validate", "--config", fixture("alerts.yaml"));

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("alerts.yaml is valid: 2 receiver(s), 0 warning(s)");
  }

  @Test
  void validateListsEveryErrorWithItsPathAndExitsWithOne() {
    Result result = execute("validate", "--config", fixture("broken.yaml"));

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("is not valid (5 error(s))", "error: logLevel: unknown level 'loud'")
        .contains("error: route.routes[0].match[0].reason:")
        .contains("error: route.routes[0].match[0].receiver:")
        .contains("error: receivers[0].slack.message: not a valid template: line 1")
        .contains("error: receivers[1].kafka: sink 'kafka' is not supported")
        .doesNotContain("xoxb-secret-slack-token");
  }

  @Test
  void validateReportsAMissingFile() {
    Result result = execute("validate", "--config", "/nonexistent/config.yaml");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("/nonexistent/config.yaml: no such file");
  }

  @Test
  void dryRunPrintsTheReceiversThatFireAndTheirPayloadsWithSecretsRedacted() {
    Result result =
        execute(
            "dry-run",
            "--config",
            fixture("alerts.yaml"),
            "--event",
            fixture("backup-failed.yaml"));

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains(
            "Event team-a/nightly.17a2b (Warning BackupFailed, 2 occurrence(s)): 2 receiver(s) fire")
        .contains("receiver slack -> Slack[token=<redacted>")
        .contains("\"message\" : \"Backup/nightly: BackupFailed (prod)\"")
        .contains("receiver hook -> Webhook[endpoint=<redacted>")
        .contains("\"Authorization\" : \"Bearer <redacted>\"")
        .contains("\"summary\" : \"pg_dump exited with 1\"")
        .contains("\"count\" : 3")
        .contains("nothing was sent (dry run)")
        .doesNotContain("secret");
  }

  @Test
  void dryRunSaysWhenNoReceiverFires() throws Exception {
    Path normal = Path.of(fixture("backup-failed.yaml")).resolveSibling("normal-event.yaml");
    java.nio.file.Files.writeString(
        normal,
        java.nio.file.Files.readString(Path.of(fixture("backup-failed.yaml")))
            .replace("type: Warning", "type: Normal"));

    Result result =
        execute("dry-run", "--config", fixture("alerts.yaml"), "--event", normal.toString());

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("no receiver fires");
  }

  @ParameterizedTest
  @CsvSource({"--help", "-h"})
  void helpDocumentsEveryCommandAndFlag(String flag) {
    Result result = execute(flag);

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("run", "validate", "dry-run")
        .contains("--config", "--kubeconfig", "--metrics-address", "--strict", "--event")
        .contains("default: :2112", "/etc/db-provision-exporter/config.yaml")
        .contains("${VAR}");
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    Result result = execute("validate", "--no-such-flag");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--no-such-flag'");
  }

  @Test
  void optionsWithoutACommandAreRunOptions() {
    assertThat(ExporterCommand.withDefaultCommand(new String[] {"--config", "c.yaml"}))
        .containsExactly("run", "--config", "c.yaml");
    assertThat(ExporterCommand.withDefaultCommand(new String[] {"--help"}))
        .containsExactly("--help");
  }
}
