package io.dbprovision.exporter.runtime;

import java.time.Duration;

/**
 * How a process runs, beside its configuration file.
 *
 * @param metricsAddress {@code [host]:port} of {@code /metrics}, {@code /healthz}, {@code /readyz}
 * @param namespace the exporter's own namespace (Lease and checkpoint)
 * @param identity this replica's name in the Lease
 * @param stallTimeout liveness fails after this long without Events and without an open watch
 */
public record ProcessSettings(
    String metricsAddress,
    String namespace,
    String identity,
    String version,
    Duration syncTimeout,
    Duration stallTimeout,
    Duration checkpointInterval,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /** The production timings: client-go's leader election defaults, 5 s checkpoint writes. */
  public static ProcessSettings defaults(
      String metricsAddress, String namespace, String identity, String version) {
    return new ProcessSettings(
        metricsAddress,
        namespace,
        identity,
        version,
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
