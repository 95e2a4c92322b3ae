package io.dbprovision.exporter.config;

import java.util.Optional;

/**
 * {@code checkpoint} (our extension): the ConfigMap, in the exporter's namespace, that keeps what
 * was processed across restarts and failovers. Unset: no checkpoint; Events listed at start are
 * baseline.
 */
public record CheckpointConfig(String configMap) {
  public static CheckpointConfig none() {
    return new CheckpointConfig("");
  }

  public Optional<String> configMapName() {
    return configMap.isEmpty() ? Optional.empty() : Optional.of(configMap);
  }
}
