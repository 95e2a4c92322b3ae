package io.dbprovision.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dbprovision.exporter.config.ConfigProblem.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SLACK_TOKEN", "xoxb-env")::get, false);

  private LoadedConfig load(String yaml) throws InvalidConfigException {
    return loader.parse(yaml, "test.yaml");
  }

  private List<String> errorsOf(String yaml) {
    return errorsOf(loader, yaml);
  }

  private static List<String> errorsOf(ConfigLoader loader, String yaml) {
    InvalidConfigException e =
        catchThrowableOfType(InvalidConfigException.class, () -> loader.parse(yaml, "test.yaml"));
    assertThat(e).as("expected the configuration to be rejected").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void loadsTheEventsReferenceExampleUnchanged() throws Exception {
    LoadedConfig loaded = load(ConfigFixtures.read("seed-example.yaml"));

    ExporterConfig config = loaded.config();
    RouteConfig route = config.route().routes().get(0);
    assertThat(route.drop()).singleElement().extracting(RuleConfig::type).isEqualTo("Normal");
    assertThat(route.match()).singleElement().extracting(RuleConfig::receiver).isEqualTo("slack");
    Sink.Slack slack = (Sink.Slack) config.receiver("slack").orElseThrow().sink();
    assertThat(slack.endpoint()).isEqualTo("https://hooks.slack.com/services/...");
    assertThat(slack.channel()).isEqualTo("#db-alerts");
    assertThat(slack.message())
        .isEqualTo(
            "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}\n"
                + "{{ .Message }}\n");
    assertThat(loaded.warnings())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "receivers[0].slack.channel: an app's incoming webhook posts to its own channel;"
                + " channel is ignored");
  }

  @Test
  void appliesTheGoToolsDefaultsToAnEmptyFile() throws Exception {
    ExporterConfig config = load("").config();

    assertThat(config.logLevel()).isEqualTo("info");
    assertThat(config.logFormat()).isEmpty();
    assertThat(config.maxEventAgeSeconds()).isEqualTo(5);
    assertThat(config.clusterName()).isEmpty();
    assertThat(config.namespaces()).isEmpty();
    assertThat(config.kubeQPS()).isEqualTo(5.0);
    assertThat(config.kubeBurst()).isEqualTo(10);
    assertThat(config.metricsNamePrefix()).isEmpty();
    assertThat(config.omitLookup()).isFalse();
    assertThat(config.cacheSize()).isEqualTo(1024);
    assertThat(config.leaderElection())
        .isEqualTo(new LeaderElectionConfig(false, "kubernetes-event-exporter"));
    assertThat(config.route()).isEqualTo(RouteConfig.empty());
    assertThat(config.receivers()).isEmpty();
    assertThat(config.metrics()).isEqualTo(new MetricsConfig(true, Duration.ofMinutes(10)));
  }

  @Test
  void readsEveryTopLevelKeyAndEverySinkField() throws Exception {
    LoadedConfig loaded = load(ConfigFixtures.read("every-key.yaml"));
    ExporterConfig config = loaded.config();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(config.logLevel()).isEqualTo("debug");
    assertThat(config.logFormat()).isEqualTo("json");
    assertThat(config.maxEventAgeSeconds()).isEqualTo(60);
    assertThat(config.clusterName()).isEqualTo("prod-eu");
    assertThat(config.namespaces()).containsExactly("databases");
    assertThat(config.kubeQPS()).isEqualTo(50.5);
    assertThat(config.kubeBurst()).isEqualTo(100);
    assertThat(config.metricsNamePrefix()).isEqualTo("event_exporter_");
    assertThat(config.omitLookup()).isTrue();
    assertThat(config.cacheSize()).isEqualTo(256);
    assertThat(config.leaderElection()).isEqualTo(new LeaderElectionConfig(true, "db-events"));
    assertThat(config.metrics()).isEqualTo(new MetricsConfig(false, Duration.ofMinutes(90)));

    assertThat(config.route().drop()).extracting(RuleConfig::namespace).containsExactly("^kube-");
    assertThat(config.route().match()).extracting(RuleConfig::kind).containsExactly("Database.*");
    RuleConfig bot = config.route().routes().get(0).match().get(0);
    assertThat(bot)
        .isEqualTo(
            new RuleConfig(
                "",
                "",
                "",
                "",
                "",
                "Failed$",
                "Warning",
                "",
                "",
                Map.of("team", "dba|platform"),
                Map.of("owner", ".+"),
                3,
                "bot"));
    RuleConfig dump = config.route().routes().get(1).match().get(0);
    assertThat(dump.name()).isEqualTo("everything");
    assertThat(dump.component()).isEqualTo("db-provision-operator");
    assertThat(dump.host()).isEqualTo("node-.*");
    assertThat(dump.apiVersion()).isEqualTo("dbops.dbprovision.io/v1alpha1");
    assertThat(dump.message()).isEqualTo("(?P<what>drift)");

    assertThat(config.receiver("bot").orElseThrow().sink())
        .isEqualTo(
            new Sink.Slack(
                "xoxb-not-a-real-token",
                "",
                "@{{ .InvolvedObject.Labels.owner }}",
                "{{ .Message }}",
                "#ff0000",
                "{{ .Reason }}",
                "db-provision",
                "{{ .ClusterName }}",
                Map.of("namespace", "{{ .Namespace }}", "reason", "{{ .Reason }}")));
    Sink.Webhook hook = (Sink.Webhook) config.receiver("hook").orElseThrow().sink();
    assertThat(hook.endpoint()).isEqualTo("https://alerts.example.com/hook");
    assertThat(hook.headers())
        .containsOnly(
            Map.entry("X-API-KEY", "123"), Map.entry("User-Agent", "kube-event-exporter 1.0"));
    assertThat(hook.layout())
        .isEqualTo(
            Map.of(
                "kind",
                "{{ .InvolvedObject.Kind }}",
                "count",
                3L,
                "urgent",
                true,
                "tags",
                List.of("db", "{{ .Reason }}")));
    assertThat(hook.tls())
        .isEqualTo(
            new Sink.Tls(false, "alerts.internal", "/etc/ca.pem", "/etc/cert.pem", "/etc/key.pem"));
    assertThat(config.receiver("dump").orElseThrow().sink()).isEqualTo(new Sink.Stdout(null, true));
    assertThat(config.receiver("archive").orElseThrow().sink())
        .isEqualTo(
            new Sink.File(
                "/var/log/events.json", Map.of("reason", "{{ .Reason }}"), false, 10, 7, 3));
  }

  @Test
  void reportsEveryProblemWithItsPathInOneGo() {
    String yaml =
        """
        maxEventAgeSeconds: 10
        throttlePeriod: 10
        logLevel: loud
        route:
          routes:
            - match:
                - receiver: dump
            - match:
                - receiver: dump
            - match:
                - reason: "*test*"
                  receiver: pager
                - labels:
                    team: "(dba"
          drop:
            - namespace: "[kube"
        receivers:
          - name: dump
            stdout: {}
          - name: queue
            kafka:
              topic: events
          - name: nowhere
          - name: dump
            webhook:
              endpoint: "not a url"
        """;

    assertThat(errorsOf(yaml))
        .containsExactlyInAnyOrder(
            "logLevel: unknown level 'loud' (one of trace, debug, info, warn, error, fatal, panic)",
            "throttlePeriod: cannot be set together with maxEventAgeSeconds"
                + " (it is its deprecated alias)",
            "route.routes[2].match[0].reason: invalid regex \"*test*\":"
                + " dangling meta character '*'",
            "route.routes[2].match[1].labels.team: invalid regex \"(dba\": unclosed group",
            "route.drop[0].namespace: invalid regex \"[kube\": unclosed character class",
            "route.routes[2].match[0].receiver: receiver 'pager' is not defined"
                + " (defined: dump)",
            "receivers[1].kafka: sink 'kafka' is not supported;"
                + " supported sinks: slack, webhook, stdout, file",
            "receivers[2]: no sink; supported sinks: slack, webhook, stdout, file",
            "receivers[3].name: receiver 'dump' is already defined at receivers[0]",
            "receivers[3].webhook.endpoint: must be an http or https URL");
  }

  @Test
  void rejectsTheInvalidPatternOfTheGoToolsReadmeInsteadOfNeverMatching() {
    assertThat(errorsOf(ConfigFixtures.read("go-readme-route.yaml")))
        .containsExactly(
            "route.routes[1].drop[0].namespace: invalid regex \"*test*\":"
                + " dangling meta character '*'");
  }

  @Test
  void warnsAboutUnknownKeysWhichTheGoToolSilentlyDrops() throws Exception {
    String yaml =
        """
        maxEventAgeSecond: 60
        route:
          routes:
            - match:
                - receiver: slack
                  types: [Warning]
        receivers:
          - name: slack
            slack:
              token: t
              channel: "#c"
              icon: ":fire:"
        """;

    LoadedConfig loaded = load(yaml);

    assertThat(loaded.warnings())
        .extracting(ConfigProblem::toString)
        .containsExactlyInAnyOrder(
            "route.routes[0].match[0].types: unknown key 'types' (ignored)",
            "receivers[0].slack.icon: unknown key 'icon' (ignored)",
            "maxEventAgeSecond: unknown key 'maxEventAgeSecond' (ignored)");
    assertThat(loaded.warnings()).allMatch(p -> p.severity() == Severity.WARNING);
    assertThat(errorsOf(new ConfigLoader(k -> null, true), yaml))
        .containsExactlyInAnyOrder(
            "route.routes[0].match[0].types: unknown key 'types'",
            "receivers[0].slack.icon: unknown key 'icon'",
            "maxEventAgeSecond: unknown key 'maxEventAgeSecond'");
  }

  @Test
  void takesTheDeprecatedThrottlePeriodAsTheMaximumAgeWithAWarning() throws Exception {
    LoadedConfig loaded = load("throttlePeriod: 30\n");

    assertThat(loaded.config().maxEventAgeSeconds()).isEqualTo(30);
    assertThat(loaded.warnings())
        .extracting(ConfigProblem::toString)
        .containsExactly("throttlePeriod: deprecated; use maxEventAgeSeconds");
  }

  @Test
  void watchesAListOfNamespacesAsAnExtension() throws Exception {
    assertThat(load("namespaces: [a, b, a]").config().namespaces()).containsExactly("a", "b");
    assertThat(errorsOf("namespace: a\nnamespaces: [b]"))
        .containsExactly("namespaces: set either namespace (one) or namespaces (a list), not both");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          token and endpoint     | {token: t, endpoint: 'https://h.example/x', channel: c} | receivers[0].slack: set either token (bot) or endpoint (incoming webhook), not both
          neither                | {channel: c}                                          | receivers[0].slack: token (bot, with channel) or endpoint (incoming webhook) required
          token without channel  | {token: t}                                            | receivers[0].slack.channel: required when sending with a token
          endpoint not a URL     | {endpoint: 'hooks.slack.com/services/x'}              | receivers[0].slack.endpoint: must be an http or https URL
          """)
  void checksHowASlackReceiverSends(String description, String slack, String error) {
    String yaml =
        "route: {match: [{receiver: s}]}\nreceivers:\n  - name: s\n    slack: " + slack + "\n";
    assertThat(errorsOf(yaml)).containsExactly(error);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          kubeQPS: 0                       | kubeQPS: must be greater than 0
          kubeBurst: -1                    | kubeBurst: must be greater than 0
          cacheSize: 0                     | cacheSize: must be greater than 0
          maxEventAgeSeconds: soon         | maxEventAgeSeconds: must be a whole number
          omitLookup: maybe                | omitLookup: must be true or false
          metricsNamePrefix: events        | metricsNamePrefix: must match ^[a-zA-Z][a-zA-Z0-9_:]*_$ (ends with '_')
          logFormat: xml                   | logFormat: unknown format 'xml' (json or pretty)
          'metrics: {deletedObjectGracePeriod: ten}' | metrics.deletedObjectGracePeriod: must be a duration such as 90s, 10m or 1h
          'route: {match: [{minCount: -2}]}'  | route.match[0].minCount: must be between 0 and 2147483647
          'route: [a]'                     | route: must be a mapping
          'receivers: {name: x}'           | receivers: must be a list
          'clusterName: [a, b]'            | clusterName: must be a single value, not a list
          """)
  void rejectsValuesOfTheWrongShape(String yaml, String error) {
    assertThat(errorsOf(yaml)).containsExactly(error);
  }

  @Test
  void reportsEveryBrokenTemplateWithItsPath() {
    // Stands in for the template engine: rejects an action that is never closed.
    TemplateSyntax syntax =
        template ->
            template.contains("{{") && !template.contains("}}")
                ? Optional.of("unclosed action at column " + (template.indexOf("{{") + 1))
                : Optional.empty();
    ConfigLoader checking = new ConfigLoader(k -> null, false, syntax);

    List<String> errors =
        errorsOf(
            checking,
            """
            route: {match: [{receiver: s}, {receiver: w}, {receiver: f}]}
            receivers:
              - name: s
                slack:
                  token: t
                  channel: "#{{ .Namespace"
                  message: "{{ .Message }}"
                  fields:
                    reason: "{{ .Reason"
              - name: w
                webhook:
                  endpoint: https://h.example/x
                  headers: {X-Key: "{{ .UID"}
                  layout:
                    details:
                      - count: 3
                        kind: "{{ .InvolvedObject.Kind"
              - name: f
                file: {path: /tmp/x, layout: {ok: "{{ .Reason }}"}}
            """);

    assertThat(errors)
        .containsExactlyInAnyOrder(
            "receivers[0].slack.channel: unclosed action at column 2",
            "receivers[0].slack.fields.reason: unclosed action at column 1",
            "receivers[1].webhook.headers.X-Key: unclosed action at column 1",
            "receivers[1].webhook.layout.details[0].kind: unclosed action at column 1");
  }

  @Test
  void reportsBrokenYamlByPositionWithoutQuotingTheFile() {
    List<String> errors = errorsOf("route:\n  match: [\n token: xoxb-secret-in-broken-file");

    assertThat(errors).singleElement().asString().startsWith("not valid YAML at line");
    assertThat(errors.get(0)).doesNotContain("xoxb-secret-in-broken-file");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThat(errorsOf("clusterName: a\nclusterName: b\n"))
        .singleElement()
        .asString()
        .startsWith("not valid YAML");
  }
}
