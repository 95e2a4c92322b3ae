package io.dbprovision.exporter.config;

import java.util.List;

/** A configuration that loaded, with the warnings found on the way (to be logged once). */
public record LoadedConfig(ExporterConfig config, List<ConfigProblem> warnings) {
  public LoadedConfig {
    warnings = List.copyOf(warnings);
  }
}
