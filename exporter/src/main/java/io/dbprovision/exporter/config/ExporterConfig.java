package io.dbprovision.exporter.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole exporter configuration: the Go kubernetes-event-exporter's top-level keys with its
 * defaults, plus our extensions ({@code namespaces}, {@code metrics}, {@code delivery}). Immutable;
 * a reload builds a new one.
 *
 * @param maxEventAgeSeconds events first seen longer ago than this are baseline, not occurrences
 *     ({@code throttlePeriod}, the deprecated alias, lands here too)
 * @param namespaces the namespaces to watch, from {@code namespace} or {@code namespaces}; empty
 *     means all namespaces
 * @param metricsNamePrefix the Go tool's own metrics are exposed under it (when set); our metric
 *     names are fixed by contract and not renamed
 * @param cacheSize bound of the involved-object metadata cache for kinds that are not ours
 * @param checkpoint where restarts resume from (extension)
 */
public record ExporterConfig(
    String logLevel,
    String logFormat,
    long maxEventAgeSeconds,
    String clusterName,
    List<String> namespaces,
    double kubeQPS,
    int kubeBurst,
    String metricsNamePrefix,
    boolean omitLookup,
    int cacheSize,
    LeaderElectionConfig leaderElection,
    RouteConfig route,
    List<ReceiverConfig> receivers,
    MetricsConfig metrics,
    CheckpointConfig checkpoint,
    DeliveryConfig delivery) {

  public static final long DEFAULT_MAX_EVENT_AGE_SECONDS = 5;
  public static final double DEFAULT_KUBE_QPS = 5;
  public static final int DEFAULT_KUBE_BURST = 10;
  public static final int DEFAULT_CACHE_SIZE = 1024;

  /** A configuration without a checkpoint and with the default {@code delivery} settings. */
  public ExporterConfig(
      String logLevel,
      String logFormat,
      long maxEventAgeSeconds,
      String clusterName,
      List<String> namespaces,
      double kubeQPS,
      int kubeBurst,
      String metricsNamePrefix,
      boolean omitLookup,
      int cacheSize,
      LeaderElectionConfig leaderElection,
      RouteConfig route,
      List<ReceiverConfig> receivers,
      MetricsConfig metrics) {
    this(
        logLevel,
        logFormat,
        maxEventAgeSeconds,
        clusterName,
        namespaces,
        kubeQPS,
        kubeBurst,
        metricsNamePrefix,
        omitLookup,
        cacheSize,
        leaderElection,
        route,
        receivers,
        metrics,
        CheckpointConfig.none(),
        DeliveryConfig.defaults());
  }

  public ExporterConfig {
    namespaces = List.copyOf(namespaces);
    receivers = List.copyOf(receivers);
  }

  public Optional<ReceiverConfig> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
