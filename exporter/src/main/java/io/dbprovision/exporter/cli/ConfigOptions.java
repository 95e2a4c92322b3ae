package io.dbprovision.exporter.cli;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.InvalidConfigException;
import io.dbprovision.exporter.config.LoadedConfig;
import io.dbprovision.exporter.render.GoTemplateSyntax;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options every command shares: which configuration file, how strictly to read it. */
final class ConfigOptions {
  static final String DEFAULT_CONFIG = "/etc/db-provision-exporter/config.yaml";

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = DEFAULT_CONFIG,
      description =
          "The configuration file, in the kubernetes-event-exporter format (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--strict",
      description = "Unknown keys in the configuration are errors instead of warnings.")
  boolean strict;

  /**
   * Loads and validates the file; prints every problem (error and warning) to {@code err} with its
   * path. Empty when the configuration cannot be used.
   */
  Optional<LoadedConfig> load(Function<String, String> environment, PrintWriter err) {
    try {
      LoadedConfig loaded =
          new ConfigLoader(environment, strict, new GoTemplateSyntax()).load(config);
      loaded.warnings().forEach(w -> err.println("warning: " + w));
      return Optional.of(loaded);
    } catch (InvalidConfigException e) {
      err.println(config + " is not valid (" + e.problems().size() + " error(s)):");
      e.problems().forEach(p -> err.println("error: " + p));
      return Optional.empty();
    } catch (NoSuchFileException e) {
      err.println(config + ": no such file");
      return Optional.empty();
    } catch (IOException e) {
      err.println(config + ": cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }
}
