package io.dbprovision.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.operator.config.OperatorConfig.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorConfigTest {

  @Test
  void defaultsWhenNothingIsSet() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of());

    assertThat(config.namespaces()).isEmpty();
    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.defaultDriftInterval()).isEqualTo(Duration.ofHours(8));
    assertThat(config.metricsAddress()).isEqualTo(new ListenAddress("", 8080));
    assertThat(config.healthAddress()).isEqualTo(new ListenAddress("", 8081));
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.leaderElectionNamespace()).isEmpty();
    assertThat(config.leaderElectionId()).isEqualTo("db-provision-operator");
    assertThat(config.serverSideApply()).isTrue();
    assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(config.instance()).isEqualTo("local");
    assertThat(config.backupVolumes()).isEqualTo(Path.of("/var/lib/db-provision/backups"));
    assertThat(config.backupWorkers()).isEqualTo(2);
  }

  @Test
  void readsTheBackupSettings() {
    OperatorConfig config =
        OperatorConfig.from(
            Map.of("DBPROVISION_BACKUP_VOLUMES", "/mnt/backups"), List.of("--backup-workers=4"));

    assertThat(config.backupVolumes()).isEqualTo(Path.of("/mnt/backups"));
    assertThat(config.backupWorkers()).isEqualTo(4);
  }

  @Test
  void readsEverySetting() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of(
                "DBPROVISION_NAMESPACES", " shop, billing ,,",
                "DBPROVISION_DEFAULT_DRIFT_INTERVAL", "1h30m",
                "DBPROVISION_METRICS_ADDRESS", "127.0.0.1:9090",
                "DBPROVISION_HEALTH_ADDRESS", "[::1]:9091",
                "DBPROVISION_LEADER_ELECTION", "TRUE",
                "DBPROVISION_LEADER_ELECTION_NAMESPACE", "operators",
                "DBPROVISION_LEADER_ELECTION_ID", "dbprov.lock",
                "DBPROVISION_SERVER_SIDE_APPLY", "false",
                "DBPROVISION_LOG_FORMAT", "json",
                "HOSTNAME", "db-provision-operator-6c9f-abcde"));

    assertThat(config.namespaces()).isEqualTo(Set.of("shop", "billing"));
    assertThat(config.defaultDriftInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.metricsAddress()).isEqualTo(new ListenAddress("127.0.0.1", 9090));
    assertThat(config.healthAddress()).isEqualTo(new ListenAddress("::1", 9091));
    assertThat(config.leaderElection()).isTrue();
    assertThat(config.leaderElectionNamespace()).isEqualTo(Optional.of("operators"));
    assertThat(config.leaderElectionId()).isEqualTo("dbprov.lock");
    assertThat(config.serverSideApply()).isFalse();
    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(config.instance()).isEqualTo("db-provision-operator-6c9f-abcde");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DBPROVISION_DEFAULT_DRIFT_INTERVAL | 8x     | expected a duration such as 8h",
        "DBPROVISION_DEFAULT_DRIFT_INTERVAL | 0s     | must be positive",
        "DBPROVISION_DEFAULT_DRIFT_INTERVAL | -5m    | must be positive",
        "DBPROVISION_DEFAULT_DRIFT_INTERVAL | 8      | expected a duration such as 8h",
        "DBPROVISION_METRICS_ADDRESS        | 8080   | expected [host]:port, got '8080'",
        "DBPROVISION_METRICS_ADDRESS        | :http  | expected a port number",
        "DBPROVISION_HEALTH_ADDRESS         | :70000 | port must be at most 65535",
        "DBPROVISION_HEALTH_ADDRESS         | ::1:80 | IPv6 host must be in brackets",
        "DBPROVISION_LEADER_ELECTION        | yes    | expected true or false, got 'yes'",
        "DBPROVISION_SERVER_SIDE_APPLY      | 1      | expected true or false, got '1'",
        "DBPROVISION_LOG_FORMAT             | xml    | expected text or json, got 'xml'",
        "DBPROVISION_NAMESPACES             | Shop   | 'Shop' is not a namespace name",
        "DBPROVISION_NAMESPACES             | a_b    | 'a_b' is not a namespace name",
        "DBPROVISION_LEADER_ELECTION_NAMESPACE | Ops | must be a namespace name",
        "DBPROVISION_LEADER_ELECTION_ID     | Lock!  | must be a Lease name",
        "DBPROVISION_BACKUP_VOLUMES         | backups | must be an absolute path",
        "DBPROVISION_BACKUP_WORKERS         | 0      | must be between 1 and 64",
        "DBPROVISION_BACKUP_WORKERS         | two    | expected a whole number, got 'two'",
      })
  void namesTheVariableAndTheProblem(String key, String value, String problem) {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of(key, value)))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith(key + ": ")
                    .contains(problem));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, String> env =
        Map.of(
            "DBPROVISION_DEFAULT_DRIFT_INTERVAL", "soon",
            "DBPROVISION_METRICS_ADDRESS", "metrics",
            "DBPROVISION_LEADER_ELECTION", "maybe",
            "DBPROVISION_LOG_FORMAT", "yaml");

    assertThatThrownBy(() -> OperatorConfig.fromEnv(env))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.problems())
                  .hasSize(4)
                  .anySatisfy(p -> assertThat(p).startsWith("DBPROVISION_DEFAULT_DRIFT_INTERVAL"))
                  .anySatisfy(p -> assertThat(p).startsWith("DBPROVISION_METRICS_ADDRESS"))
                  .anySatisfy(p -> assertThat(p).startsWith("DBPROVISION_LEADER_ELECTION"))
                  .anySatisfy(p -> assertThat(p).startsWith("DBPROVISION_LOG_FORMAT"));
              assertThat(e.getMessage()).contains(e.problems());
            });
  }

  @ParameterizedTest(name = "metrics {0}, health {1}")
  @CsvSource({":8080, :8080", "127.0.0.1:8080, :8080", ":9000, 0.0.0.0:9000"})
  void refusesMetricsAndHealthOnTheSamePort(String metrics, String health) {
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnv(
                    Map.of(
                        "DBPROVISION_METRICS_ADDRESS", metrics,
                        "DBPROVISION_HEALTH_ADDRESS", health)))
        .hasMessageContaining("DBPROVISION_HEALTH_ADDRESS")
        .hasMessageContaining("same port");
  }

  @Test
  void twoEphemeralPortsDoNotConflict() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of(
                "DBPROVISION_METRICS_ADDRESS", "127.0.0.1:0",
                "DBPROVISION_HEALTH_ADDRESS", "127.0.0.1:0"));

    assertThat(config.metricsAddress().port()).isZero();
  }

  @Test
  void flagsOverrideTheVariablesTheyMirror() {
    OperatorConfig config =
        OperatorConfig.from(
            Map.of("DBPROVISION_METRICS_ADDRESS", ":9000", "DBPROVISION_NAMESPACES", "shop"),
            List.of(
                "--metrics-address=:9100", "--namespaces", "billing", "--leader-election=true"));

    assertThat(config.metricsAddress().port()).isEqualTo(9100);
    assertThat(config.namespaces()).containsExactly("billing");
    assertThat(config.leaderElection()).isTrue();
  }

  @Test
  void unknownAndIncompleteFlagsAreProblems() {
    assertThatThrownBy(
            () ->
                OperatorConfig.from(
                    Map.of(), List.of("--metrics-adress=:1", "verbose", "--namespaces")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "flag --metrics-adress: unknown; known flags: --backup-volumes,"
                            + " --backup-workers, --default-drift-interval, --health-address, --leader-election, --leader-election-id,"
                            + " --leader-election-namespace, --log-format, --metrics-address,"
                            + " --namespaces, --server-side-apply",
                        "argument 'verbose': expected a flag such as --metrics-address=:8080",
                        "flag --namespaces: needs a value"));
  }

  @Test
  void reportsUnknownVariablesByNameOnly() {
    Map<String, String> env =
        Map.of(
            "DBPROVISION_NAMESPACE", "shop",
            "DBPROVISION_ADMIN_PASSWORD", "s3cr3t-Pa55",
            "DBPROVISION_LOG_FORMAT", "text",
            "PATH", "/bin");

    assertThat(OperatorConfig.unrecognizedKeys(env))
        .containsExactly("DBPROVISION_ADMIN_PASSWORD", "DBPROVISION_NAMESPACE");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "8h, PT8H",
    "1h30m, PT1H30M",
    "90s, PT1M30S",
    "1.5h, PT1H30M",
    "300ms, PT0.3S",
    "2us, PT0.000002S",
    "10ns, PT0.00000001S",
    "0, PT0S",
    "-2m, PT-2M",
    "1h0m0s, PT1H"
  })
  void parsesGoDurations(String text, String iso) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({"h", "8", "8d", "1h 30m", "'.h'", "''", "-", "99999999999h"})
  void refusesWhatGoWouldRefuse(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    ":8080, '', 8080, :8080",
    "0.0.0.0:1, 0.0.0.0, 1, 0.0.0.0:1",
    "'[::]:8081', ::, 8081, '[::]:8081'",
    "localhost:0, localhost, 0, localhost:0"
  })
  void parsesListenAddresses(String text, String host, int port, String printed) {
    ListenAddress address = ListenAddress.parse(text);

    assertThat(address).isEqualTo(new ListenAddress(host, port));
    assertThat(address).hasToString(printed);
  }
}
