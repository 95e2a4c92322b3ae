package io.dbprovision.exporter.cli;

import io.dbprovision.exporter.config.LoadedConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a configuration file and lists every problem with its path: syntax, unknown keys,"
          + " regular expressions, templates, receivers, undefined $${VAR} references.",
      "Exit code 0 when it can be used, 1 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  private final Function<String, String> environment;

  @Mixin ConfigOptions options;

  @Spec CommandSpec spec;

  ValidateCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Optional<LoadedConfig> loaded = options.load(environment, spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 1;
    }
    spec.commandLine()
        .getOut()
        .println(
            options.config
                + " is valid: "
                + loaded.get().config().receivers().size()
                + " receiver(s), "
                + loaded.get().warnings().size()
                + " warning(s)");
    return 0;
  }
}
