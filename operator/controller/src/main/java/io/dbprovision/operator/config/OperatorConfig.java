package io.dbprovision.operator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the operator process runs, from {@code DBPROVISION_*} environment variables (command-line
 * flags may override them: {@code --metrics-address=:9090} sets {@code
 * DBPROVISION_METRICS_ADDRESS}). Every problem is reported at once, each naming its variable.
 *
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param defaultDriftInterval the drift interval of resources and instances that set none
 * @param metricsAddress where {@code /metrics} is served
 * @param healthAddress where {@code /healthz} and {@code /readyz} are served
 * @param leaderElection whether replicas elect a leader on a Lease before reconciling
 * @param leaderElectionNamespace the Lease's namespace; empty means the operator's own namespace
 * @param leaderElectionId the Lease's name
 * @param serverSideApply whether JOSDK patches with server-side apply (off only for test servers)
 * @param logFormat {@code text} or {@code json} log lines
 * @param instance this replica's name (the pod name, from {@code HOSTNAME}), for Events and the
 *     Lease
 * @param backupVolumes where the PersistentVolumeClaims of {@code storage.pvc} backups are mounted,
 *     each at {@code <backupVolumes>/<claimName>}
 * @param backupWorkers backups and restores that may run at the same time
 */
public record OperatorConfig(
    Set<String> namespaces,
    Duration defaultDriftInterval,
    ListenAddress metricsAddress,
    ListenAddress healthAddress,
    boolean leaderElection,
    Optional<String> leaderElectionNamespace,
    String leaderElectionId,
    boolean serverSideApply,
    LogFormat logFormat,
    String instance,
    Path backupVolumes,
    int backupWorkers) {

  public static final String PREFIX = "DBPROVISION_";
  public static final String NAMESPACES = "DBPROVISION_NAMESPACES";
  public static final String DEFAULT_DRIFT_INTERVAL = "DBPROVISION_DEFAULT_DRIFT_INTERVAL";
  public static final String METRICS_ADDRESS = "DBPROVISION_METRICS_ADDRESS";
  public static final String HEALTH_ADDRESS = "DBPROVISION_HEALTH_ADDRESS";
  public static final String LEADER_ELECTION = "DBPROVISION_LEADER_ELECTION";
  public static final String LEADER_ELECTION_NAMESPACE = "DBPROVISION_LEADER_ELECTION_NAMESPACE";
  public static final String LEADER_ELECTION_ID = "DBPROVISION_LEADER_ELECTION_ID";
  public static final String SERVER_SIDE_APPLY = "DBPROVISION_SERVER_SIDE_APPLY";
  public static final String LOG_FORMAT = "DBPROVISION_LOG_FORMAT";
  public static final String BACKUP_VOLUMES = "DBPROVISION_BACKUP_VOLUMES";
  public static final String BACKUP_WORKERS = "DBPROVISION_BACKUP_WORKERS";

  /** Set by Kubernetes to the pod name. */
  public static final String HOSTNAME = "HOSTNAME";

  /** Every setting this record reads. */
  public static final Set<String> KEYS =
      Set.of(
          NAMESPACES,
          DEFAULT_DRIFT_INTERVAL,
          METRICS_ADDRESS,
          HEALTH_ADDRESS,
          LEADER_ELECTION,
          LEADER_ELECTION_NAMESPACE,
          LEADER_ELECTION_ID,
          SERVER_SIDE_APPLY,
          LOG_FORMAT,
          BACKUP_VOLUMES,
          BACKUP_WORKERS);

  /** The component name on Events and the default Lease name. */
  public static final String COMPONENT = "db-provision-operator";

  /** The instance name when not running in a pod. */
  public static final String LOCAL_INSTANCE = "local";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** The two log line formats. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  public OperatorConfig {
    namespaces = Set.copyOf(namespaces);
  }

  /** Whether the operator watches every namespace. */
  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }

  /** The configuration from the environment alone. */
  public static OperatorConfig fromEnv(Map<String, String> env) {
    return from(env, List.of());
  }

  /**
   * The configuration from the environment, with flags ({@code --namespaces=a,b} or {@code
   * --namespaces a,b}) taking precedence over the variables they mirror.
   */
  public static OperatorConfig from(Map<String, String> env, List<String> args) {
    List<String> problems = new ArrayList<>();
    Map<String, String> settings = new HashMap<>(env);
    settings.putAll(flags(args, problems));
    Reader reader = new Reader(settings, problems);

    Set<String> namespaces = reader.namespaces();
    Duration drift =
        reader.read(
            DEFAULT_DRIFT_INTERVAL,
            "8h",
            GoDuration::parse,
            d -> d.isNegative() || d.isZero() ? "must be positive" : null);
    ListenAddress metrics = reader.read(METRICS_ADDRESS, ":8080", ListenAddress::parse, a -> null);
    ListenAddress health = reader.read(HEALTH_ADDRESS, ":8081", ListenAddress::parse, a -> null);
    if (metrics != null && health != null && metrics.conflictsWith(health)) {
      problems.add(
          HEALTH_ADDRESS
              + ": "
              + health
              + " uses the same port as "
              + METRICS_ADDRESS
              + " ("
              + metrics
              + ")");
    }
    Boolean leaderElection = reader.read(LEADER_ELECTION, "false", OperatorConfig::bool, b -> null);
    String leaseNamespace =
        reader.read(
            LEADER_ELECTION_NAMESPACE,
            "",
            s -> s,
            s ->
                s.isEmpty() || DNS_LABEL.matcher(s).matches()
                    ? null
                    : "must be a namespace name (lower case letters, digits and '-', at most 63)");
    String leaseName =
        reader.read(
            LEADER_ELECTION_ID,
            COMPONENT,
            s -> s,
            s ->
                DNS_SUBDOMAIN.matcher(s).matches()
                    ? null
                    : "must be a Lease name (lower case letters, digits, '-' and '.', at most 253)");
    Boolean ssa = reader.read(SERVER_SIDE_APPLY, "true", OperatorConfig::bool, b -> null);
    LogFormat logFormat = reader.read(LOG_FORMAT, "text", OperatorConfig::logFormat, f -> null);
    String instance = env.getOrDefault(HOSTNAME, "").strip();
    Path backupVolumes =
        reader.read(
            BACKUP_VOLUMES,
            "/var/lib/db-provision/backups",
            Path::of,
            p -> p.isAbsolute() ? null : "must be an absolute path");
    Integer backupWorkers =
        reader.read(
            BACKUP_WORKERS,
            "2",
            OperatorConfig::count,
            n -> n < 1 || n > 64 ? "must be between 1 and 64" : null);

    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new OperatorConfig(
        namespaces,
        drift,
        metrics,
        health,
        leaderElection,
        leaseNamespace.isEmpty() ? Optional.empty() : Optional.of(leaseNamespace),
        leaseName,
        ssa,
        logFormat,
        instance.isEmpty() ? LOCAL_INSTANCE : instance,
        backupVolumes,
        backupWorkers);
  }

  /**
   * {@code DBPROVISION_*} variables this record does not know: most likely typos. Only names are
   * returned, never values (an unknown variable might hold a secret).
   */
  public static List<String> unrecognizedKeys(Map<String, String> env) {
    return env.keySet().stream()
        .filter(k -> k.startsWith(PREFIX) && !KEYS.contains(k))
        .sorted()
        .toList();
  }

  private static Map<String, String> flags(List<String> args, List<String> problems) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        problems.add("argument '" + arg + "': expected a flag such as --metrics-address=:8080");
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      String key = PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
      if (!KEYS.contains(key)) {
        problems.add("flag --" + name + ": unknown; known flags: " + knownFlags());
        continue;
      }
      if (equals >= 0) {
        flags.put(key, arg.substring(equals + 1));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        flags.put(key, args.get(++i));
      } else {
        problems.add("flag --" + name + ": needs a value");
      }
    }
    return flags;
  }

  private static String knownFlags() {
    return String.join(
        ", ",
        KEYS.stream()
            .sorted()
            .map(
                k -> "--" + k.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-'))
            .toList());
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
    };
  }

  private static Integer count(String text) {
    if (!text.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
    }
    return Integer.valueOf(text);
  }

  private static LogFormat logFormat(String text) {
    return Arrays.stream(LogFormat.values())
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(text))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("expected text or json, got '" + text + "'"));
  }

  /** Reads settings, collecting problems instead of stopping at the first. */
  private record Reader(Map<String, String> settings, List<String> problems) {

    <T> T read(String key, String fallback, Function<String, T> parse, Function<T, String> check) {
      String raw = settings.get(key);
      String text = raw == null || raw.isBlank() ? fallback : raw.strip();
      try {
        T value = parse.apply(text);
        String problem = check.apply(value);
        if (problem != null) {
          problems.add(key + ": " + problem + ", got '" + text + "'");
          return null;
        }
        return value;
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
        return null;
      }
    }

    Set<String> namespaces() {
      Set<String> names = new LinkedHashSet<>();
      String raw = settings.getOrDefault(NAMESPACES, "");
      for (String part : raw.split(",")) {
        String name = part.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (DNS_LABEL.matcher(name).matches()) {
          names.add(name);
        } else {
          problems.add(
              NAMESPACES
                  + ": '"
                  + name
                  + "' is not a namespace name (lower case letters, digits and '-', at most 63)");
        }
      }
      return names;
    }
  }
}
