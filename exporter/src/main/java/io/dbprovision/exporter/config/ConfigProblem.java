package io.dbprovision.exporter.config;

/**
 * One problem found while loading a configuration file, with the YAML path it concerns (for example
 * {@code route.routes[2].match[0].reason}). Messages never carry configuration values that may be
 * secrets; they name keys, variables and patterns only.
 */
public record ConfigProblem(Severity severity, String path, String message) {

  /** Errors stop a configuration from loading; warnings are reported and loading goes on. */
  public enum Severity {
    ERROR,
    WARNING
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
