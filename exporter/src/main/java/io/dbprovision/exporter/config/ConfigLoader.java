package io.dbprovision.exporter.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the Go kubernetes-event-exporter's YAML into an {@link ExporterConfig}: same keys, types
 * and defaults, our extensions under their own keys. Every problem is collected with its path and
 * reported at once in an {@link InvalidConfigException}; unknown keys are warnings, or errors when
 * strict. Nothing read here is logged: the caller logs the warnings, which carry no values.
 */
public final class ConfigLoader {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private static final Set<String> LOG_LEVELS =
      Set.of("trace", "debug", "info", "warn", "error", "fatal", "panic");
  private static final Set<String> LOG_FORMATS = Set.of("", "json", "pretty");
  private static final Pattern CONFIG_MAP_NAME =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern METRICS_PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_:]*_$");

  /** The Go tool's sink keys that we recognise but do not deliver to. */
  private static final List<String> UNSUPPORTED_SINKS =
      List.of(
          "inMemory",
          "syslog",
          "elasticsearch",
          "kinesis",
          "firehose",
          "opensearch",
          "opsgenie",
          "loki",
          "sqs",
          "sns",
          "kafka",
          "pubsub",
          "opscenter",
          "teams",
          "bigquery",
          "eventbridge",
          "pipe");

  private final Function<String, String> environment;
  private final boolean strict;
  private final TemplateSyntax templates;

  /**
   * @param environment looks up {@code ${VAR}} references (null = undefined)
   * @param strict unknown keys are errors rather than warnings
   */
  public ConfigLoader(Function<String, String> environment, boolean strict) {
    this(environment, strict, TemplateSyntax.UNCHECKED);
  }

  /**
   * @param templates checks every template value at load
   */
  public ConfigLoader(
      Function<String, String> environment, boolean strict, TemplateSyntax templates) {
    this.environment = Objects.requireNonNull(environment);
    this.strict = strict;
    this.templates = Objects.requireNonNull(templates);
  }

  /** A loader over the process environment. */
  public static ConfigLoader fromEnvironment(boolean strict) {
    return new ConfigLoader(System::getenv, strict);
  }

  public LoadedConfig load(Path file) throws IOException, InvalidConfigException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * @param source names the text in the error message (a file path)
   */
  public LoadedConfig parse(String yaml, String source) throws InvalidConfigException {
    ConfigProblems problems = new ConfigProblems();
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      // The parser's message quotes a snippet of the file, which may hold a secret: keep only
      // where the error is.
      problems.error(
          "",
          e.getLocation() == null
              ? "not valid YAML"
              : "not valid YAML at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr());
      throw new InvalidConfigException(source, problems.errors());
    }
    YamlMapping.Reading reading =
        new YamlMapping.Reading(problems, new EnvExpander(environment), strict);
    ExporterConfig config = readRoot(YamlMapping.of(root, "", reading));
    if (!problems.errors().isEmpty()) {
      throw new InvalidConfigException(source, problems.errors());
    }
    return new LoadedConfig(config, problems.warnings());
  }

  private ExporterConfig readRoot(YamlMapping root) {
    ConfigProblems problems = root.problems();

    String logLevel = root.string("logLevel", "info");
    if (!LOG_LEVELS.contains(logLevel)) {
      problems.error(
          "logLevel",
          "unknown level '"
              + logLevel
              + "' (one of trace, debug, info, warn, error, fatal, panic)");
    }
    String logFormat = root.string("logFormat", "");
    if (!LOG_FORMATS.contains(logFormat)) {
      problems.error("logFormat", "unknown format '" + logFormat + "' (json or pretty)");
    }

    long maxAge = root.integer("maxEventAgeSeconds", 0);
    long throttle = root.integer("throttlePeriod", 0);
    if (maxAge < 0) {
      problems.error("maxEventAgeSeconds", "must not be negative");
    }
    if (throttle < 0) {
      problems.error("throttlePeriod", "must not be negative");
    }
    if (maxAge != 0 && throttle != 0) {
      problems.error(
          "throttlePeriod",
          "cannot be set together with maxEventAgeSeconds (it is its deprecated alias)");
    } else if (throttle != 0) {
      problems.warning("throttlePeriod", "deprecated; use maxEventAgeSeconds");
      maxAge = throttle;
    } else if (maxAge == 0) {
      maxAge = ExporterConfig.DEFAULT_MAX_EVENT_AGE_SECONDS;
    }

    List<String> namespaces = readNamespaces(root);

    double kubeQps = root.number("kubeQPS", ExporterConfig.DEFAULT_KUBE_QPS);
    if (kubeQps <= 0) {
      problems.error("kubeQPS", "must be greater than 0");
    }
    long kubeBurst = root.integer("kubeBurst", ExporterConfig.DEFAULT_KUBE_BURST);
    if (kubeBurst <= 0 || kubeBurst > Integer.MAX_VALUE) {
      problems.error("kubeBurst", "must be greater than 0");
    }
    String prefix = root.string("metricsNamePrefix", "");
    if (!prefix.isEmpty() && !METRICS_PREFIX.matcher(prefix).matches()) {
      problems.error(
          "metricsNamePrefix", "must match " + METRICS_PREFIX.pattern() + " (ends with '_')");
    }
    long cacheSize = root.integer("cacheSize", ExporterConfig.DEFAULT_CACHE_SIZE);
    if (cacheSize <= 0 || cacheSize > Integer.MAX_VALUE) {
      problems.error("cacheSize", "must be greater than 0");
    }
    if (root.has("kubeconfig")) {
      problems.warning("kubeconfig", "ignored in the file; use the --kubeconfig flag");
    }

    List<ReceiverConfig> receivers = readReceivers(root);
    RouteConfig route = readRoute(root.mapping("route"));
    checkReceiverReferences(route, "route", receivers, problems);
    Set<String> used = new LinkedHashSet<>();
    collectReceivers(route, used);
    for (int i = 0; i < receivers.size(); i++) {
      if (!used.contains(receivers.get(i).name())) {
        problems.warning(
            "receivers[" + i + "]",
            "receiver '" + receivers.get(i).name() + "' is not used by any route");
      }
    }

    ExporterConfig config =
        new ExporterConfig(
            logLevel,
            logFormat,
            maxAge,
            root.string("clusterName", ""),
            namespaces,
            kubeQps,
            (int) Math.max(1, Math.min(kubeBurst, Integer.MAX_VALUE)),
            prefix,
            root.bool("omitLookup", false),
            (int) Math.max(1, Math.min(cacheSize, Integer.MAX_VALUE)),
            readLeaderElection(root.mapping("leaderElection")),
            route,
            receivers,
            readMetrics(root.mapping("metrics")),
            readCheckpoint(root.mapping("checkpoint")),
            readDelivery(root.mapping("delivery")));
    root.finish();
    return config;
  }

  private static List<String> readNamespaces(YamlMapping root) {
    String single = root.string("namespace", "");
    List<String> list = root.strings("namespaces");
    if (!single.isEmpty() && !list.isEmpty()) {
      root.problems()
          .error("namespaces", "set either namespace (one) or namespaces (a list), not both");
    }
    List<String> namespaces = single.isEmpty() ? list : List.of(single);
    for (int i = 0; i < namespaces.size(); i++) {
      if (namespaces.get(i).isBlank()) {
        root.problems().error("namespaces[" + i + "]", "must not be empty");
      }
    }
    return List.copyOf(new LinkedHashSet<>(namespaces));
  }

  private static LeaderElectionConfig readLeaderElection(YamlMapping section) {
    LeaderElectionConfig config =
        new LeaderElectionConfig(
            section.bool("enabled", false),
            section.string("leaderElectionID", LeaderElectionConfig.DEFAULT_ID));
    section.finish();
    return config;
  }

  private static CheckpointConfig readCheckpoint(YamlMapping section) {
    String name = section.string("configMap", "");
    if (!name.isEmpty() && !CONFIG_MAP_NAME.matcher(name).matches()) {
      section
          .problems()
          .error(
              "checkpoint.configMap",
              "'"
                  + name
                  + "' is not a valid ConfigMap name (lower case alphanumerics, '-' and '.')");
    }
    section.finish();
    return new CheckpointConfig(name);
  }

  private static MetricsConfig readMetrics(YamlMapping section) {
    boolean compat = section.bool("compatKubernetesEventsTotal", true);
    String graceText = section.string("deletedObjectGracePeriod", null);
    var grace = MetricsConfig.DEFAULT_GRACE_PERIOD;
    if (graceText != null) {
      grace = GoDuration.parse(graceText.trim());
      if (grace == null) {
        section
            .problems()
            .error(
                section.pathOf("deletedObjectGracePeriod"),
                "must be a duration such as 90s, 10m or 1h");
        grace = MetricsConfig.DEFAULT_GRACE_PERIOD;
      }
    }
    section.finish();
    return new MetricsConfig(compat, grace);
  }

  private static DeliveryConfig readDelivery(YamlMapping section) {
    DeliveryConfig d = DeliveryConfig.defaults();
    DeliveryConfig config =
        new DeliveryConfig(
            positive(section, "queueCapacity", d.queueCapacity()),
            positive(section, "digestThreshold", d.digestThreshold()),
            duration(section, "connectTimeout", d.connectTimeout()),
            duration(section, "requestTimeout", d.requestTimeout()),
            positive(section, "maxAttempts", d.maxAttempts()),
            duration(section, "initialBackoff", d.initialBackoff()),
            duration(section, "maxBackoff", d.maxBackoff()),
            duration(section, "maxRetryAfter", d.maxRetryAfter()),
            duration(section, "slackInterval", d.slackInterval()),
            duration(section, "drainTimeout", d.drainTimeout()));
    section.finish();
    return config;
  }

  /**
   * {@code notify: every}, {@code notify: first} or {@code notify: {cooldown: 10m}}; without it,
   * the sink's default.
   */
  private static NotifyConfig readNotify(YamlMapping receiver, Sink sink) {
    if (!receiver.has("notify")) {
      return NotifyConfig.defaultFor(sink);
    }
    if (!receiver.isMapping("notify")) {
      String text = receiver.string("notify", "");
      return switch (text.trim()) {
        case "every" -> NotifyConfig.every();
        case "first" -> new NotifyConfig(NotifyConfig.Mode.FIRST, Duration.ZERO);
        default -> {
          receiver
              .problems()
              .error(
                  receiver.pathOf("notify"),
                  "must be every, first or a mapping with cooldown (such as cooldown: 10m)");
          yield NotifyConfig.defaultFor(sink);
        }
      };
    }
    YamlMapping notify = receiver.mapping("notify");
    Duration cooldown = duration(notify, "cooldown", null);
    notify.finish();
    if (cooldown == null || cooldown.isZero()) {
      notify.problems().error(notify.pathOf("cooldown"), "required, a duration such as 10m");
      return NotifyConfig.defaultFor(sink);
    }
    return NotifyConfig.cooldown(cooldown);
  }

  private static int positive(YamlMapping section, String key, int defaultValue) {
    long value = section.integer(key, defaultValue);
    if (value <= 0 || value > Integer.MAX_VALUE) {
      section.problems().error(section.pathOf(key), "must be greater than 0");
      return defaultValue;
    }
    return (int) value;
  }

  private static Duration duration(YamlMapping section, String key, Duration defaultValue) {
    String text = section.string(key, null);
    if (text == null) {
      return defaultValue;
    }
    Duration value = GoDuration.parse(text.trim());
    if (value == null) {
      section.problems().error(section.pathOf(key), "must be a duration such as 500ms, 10s or 5m");
      return defaultValue;
    }
    return value;
  }

  private RouteConfig readRoute(YamlMapping section) {
    List<RuleConfig> drop = section.mappings("drop").stream().map(this::readRule).toList();
    List<RuleConfig> match = section.mappings("match").stream().map(this::readRule).toList();
    List<RouteConfig> routes = section.mappings("routes").stream().map(this::readRoute).toList();
    section.finish();
    return new RouteConfig(drop, match, routes);
  }

  private RuleConfig readRule(YamlMapping rule) {
    RuleConfig config =
        new RuleConfig(
            rule.string("name", ""),
            pattern(rule, "message"),
            pattern(rule, "apiVersion"),
            pattern(rule, "kind"),
            pattern(rule, "namespace"),
            pattern(rule, "reason"),
            pattern(rule, "type"),
            pattern(rule, "component"),
            pattern(rule, "host"),
            patterns(rule, "labels"),
            patterns(rule, "annotations"),
            minCount(rule),
            rule.string("receiver", ""));
    rule.finish();
    return config;
  }

  private static int minCount(YamlMapping rule) {
    long minCount = rule.integer("minCount", 0);
    if (minCount < 0 || minCount > Integer.MAX_VALUE) {
      rule.problems().error(rule.pathOf("minCount"), "must be between 0 and " + Integer.MAX_VALUE);
      return 0;
    }
    return (int) minCount;
  }

  private static String pattern(YamlMapping rule, String key) {
    String pattern = rule.string(key, "");
    GoRegex.problem(pattern).ifPresent(p -> rule.problems().error(rule.pathOf(key), p));
    return pattern;
  }

  private static Map<String, String> patterns(YamlMapping rule, String key) {
    Map<String, String> patterns = rule.stringMap(key);
    patterns.forEach(
        (name, pattern) ->
            GoRegex.problem(pattern)
                .ifPresent(p -> rule.problems().error(rule.pathOf(key) + "." + name, p)));
    return patterns;
  }

  private static void checkReceiverReferences(
      RouteConfig route, String path, List<ReceiverConfig> receivers, ConfigProblems problems) {
    for (int i = 0; i < route.match().size(); i++) {
      String receiver = route.match().get(i).receiver();
      if (!receiver.isEmpty() && receivers.stream().noneMatch(r -> r.name().equals(receiver))) {
        problems.error(
            path + ".match[" + i + "].receiver",
            "receiver '"
                + receiver
                + "' is not defined (defined: "
                + (receivers.isEmpty()
                    ? "none"
                    : String.join(
                        ", ", receivers.stream().map(ReceiverConfig::name).distinct().toList()))
                + ")");
      }
    }
    for (int i = 0; i < route.drop().size(); i++) {
      if (!route.drop().get(i).receiver().isEmpty()) {
        problems.warning(
            path + ".drop[" + i + "].receiver", "a drop rule never sends; receiver is ignored");
      }
    }
    for (int i = 0; i < route.routes().size(); i++) {
      checkReceiverReferences(
          route.routes().get(i), path + ".routes[" + i + "]", receivers, problems);
    }
  }

  private static void collectReceivers(RouteConfig route, Set<String> into) {
    route.match().forEach(rule -> into.add(rule.receiver()));
    route.routes().forEach(child -> collectReceivers(child, into));
  }

  private List<ReceiverConfig> readReceivers(YamlMapping root) {
    List<ReceiverConfig> receivers = new ArrayList<>();
    Map<String, String> firstPathByName = new LinkedHashMap<>();
    for (YamlMapping receiver : root.mappings("receivers")) {
      String name = receiver.string("name", "");
      if (name.isBlank()) {
        receiver.problems().error(receiver.pathOf("name"), "every receiver needs a name");
      } else if (firstPathByName.containsKey(name)) {
        receiver
            .problems()
            .error(
                receiver.pathOf("name"),
                "receiver '" + name + "' is already defined at " + firstPathByName.get(name));
      } else {
        firstPathByName.put(name, receiver.path());
      }
      Sink sink = readSink(receiver);
      NotifyConfig notify = sink == null ? null : readNotify(receiver, sink);
      receiver.finish();
      if (sink != null) {
        receivers.add(new ReceiverConfig(name, sink, notify));
      }
    }
    return receivers;
  }

  private Sink readSink(YamlMapping receiver) {
    List<String> sinkKeys =
        receiver.keys().stream()
            .filter(k -> Sink.SUPPORTED.contains(k) || UNSUPPORTED_SINKS.contains(k))
            .toList();
    sinkKeys.forEach(receiver::has);
    String supported = String.join(", ", Sink.SUPPORTED);
    if (sinkKeys.isEmpty()) {
      receiver.problems().error(receiver.path(), "no sink; supported sinks: " + supported);
      return null;
    }
    if (sinkKeys.size() > 1) {
      receiver
          .problems()
          .error(
              receiver.path(),
              "more than one sink ("
                  + String.join(", ", sinkKeys)
                  + "); a receiver has exactly one");
      return null;
    }
    String kind = sinkKeys.get(0);
    YamlMapping sink = receiver.mapping(kind);
    Sink result =
        switch (kind) {
          case "slack" -> readSlack(sink);
          case "webhook" -> readWebhook(sink);
          case "stdout" -> new Sink.Stdout(layout(sink), sink.bool("deDot", false));
          case "file" -> readFile(sink);
          default -> {
            receiver
                .problems()
                .error(
                    receiver.pathOf(kind),
                    "sink '" + kind + "' is not supported; supported sinks: " + supported);
            yield null;
          }
        };
    if (result != null) {
      sink.finish();
    }
    return result;
  }

  private Sink.Slack readSlack(YamlMapping slack) {
    String token = slack.string("token", "");
    String endpoint = slack.string("endpoint", "");
    String channel = template(slack, "channel");
    if (!token.isEmpty() && !endpoint.isEmpty()) {
      slack
          .problems()
          .error(slack.path(), "set either token (bot) or endpoint (incoming webhook), not both");
    } else if (token.isEmpty() && endpoint.isEmpty()) {
      slack
          .problems()
          .error(slack.path(), "token (bot, with channel) or endpoint (incoming webhook) required");
    } else if (!token.isEmpty() && channel.isEmpty()) {
      slack.problems().error(slack.pathOf("channel"), "required when sending with a token");
    } else if (!endpoint.isEmpty()) {
      checkUrl(slack, "endpoint", endpoint);
      if (!channel.isEmpty()) {
        slack
            .problems()
            .warning(
                slack.pathOf("channel"),
                "an app's incoming webhook posts to its own channel; channel is ignored");
      }
    }
    return new Sink.Slack(
        token,
        endpoint,
        channel,
        template(slack, "message"),
        template(slack, "color"),
        template(slack, "title"),
        template(slack, "author_name"),
        template(slack, "footer"),
        templates(slack, "fields"));
  }

  private Sink.Webhook readWebhook(YamlMapping webhook) {
    String endpoint = webhook.string("endpoint", "");
    if (endpoint.isEmpty()) {
      webhook.problems().error(webhook.pathOf("endpoint"), "required");
    } else {
      checkUrl(webhook, "endpoint", endpoint);
    }
    YamlMapping tls = webhook.mapping("tls");
    Sink.Tls tlsConfig =
        new Sink.Tls(
            tls.bool("insecureSkipVerify", false),
            tls.string("serverName", ""),
            tls.string("caFile", ""),
            tls.string("certFile", ""),
            tls.string("keyFile", ""));
    tls.finish();
    return new Sink.Webhook(endpoint, templates(webhook, "headers"), layout(webhook), tlsConfig);
  }

  private Sink.File readFile(YamlMapping file) {
    String path = file.string("path", "");
    if (path.isEmpty()) {
      file.problems().error(file.pathOf("path"), "required");
    }
    return new Sink.File(
        path,
        layout(file),
        file.bool("deDot", false),
        nonNegative(file, "maxsize"),
        nonNegative(file, "maxage"),
        nonNegative(file, "maxbackups"));
  }

  private String template(YamlMapping section, String key) {
    String template = section.string(key, "");
    checkTemplate(section, section.pathOf(key), template);
    return template;
  }

  private Map<String, String> templates(YamlMapping section, String key) {
    Map<String, String> map = section.stringMap(key);
    map.forEach(
        (name, template) -> checkTemplate(section, section.pathOf(key) + "." + name, template));
    return map;
  }

  /** A layout tree; every string leaf is a template. */
  private Object layout(YamlMapping section) {
    Object layout = section.tree("layout");
    checkLayout(section, section.pathOf("layout"), layout);
    return layout;
  }

  private void checkLayout(YamlMapping section, String path, Object node) {
    if (node instanceof String template) {
      checkTemplate(section, path, template);
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> checkLayout(section, path + "." + key, value));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkLayout(section, path + "[" + i + "]", list.get(i));
      }
    }
  }

  private void checkTemplate(YamlMapping section, String path, String template) {
    templates.problem(template).ifPresent(problem -> section.problems().error(path, problem));
  }

  private static int nonNegative(YamlMapping section, String key) {
    long value = section.integer(key, 0);
    if (value < 0 || value > Integer.MAX_VALUE) {
      section.problems().error(section.pathOf(key), "must be between 0 and " + Integer.MAX_VALUE);
      return 0;
    }
    return (int) value;
  }

  /** Checks an endpoint's shape without ever quoting it (it may embed a credential). */
  private static void checkUrl(YamlMapping section, String key, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        section.problems().error(section.pathOf(key), "must be an http or https URL");
      }
    } catch (URISyntaxException e) {
      section.problems().error(section.pathOf(key), "must be an http or https URL");
    }
  }
}
