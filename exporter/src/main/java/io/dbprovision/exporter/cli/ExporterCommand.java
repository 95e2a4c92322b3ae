package io.dbprovision.exporter.cli;

import io.dbprovision.exporter.runtime.DeliveryFactory;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code db-provision-exporter [run|validate|dry-run] ...}; {@code run} when no command is named.
 */
@Command(
    name = "db-provision-exporter",
    description = {
      "Turns the DB Provision operator's Kubernetes Events into Prometheus counters and routes"
          + " them to Slack, webhooks and other receivers. The configuration is the"
          + " kubernetes-event-exporter's format."
    },
    footer = {"", "Run a command with --help for its options. Every command's options follow."})
public final class ExporterCommand implements Callable<Integer> {
  private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

  @Option(
      names = {"-h", "--help"},
      description = "Show this help, with every command's options, and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  @Spec CommandSpec spec;

  private ExporterCommand() {}

  /**
   * The command line of the exporter.
   *
   * @param environment resolves {@code ${VAR}} in the configuration and the POD_* settings
   * @param deliveries builds the delivery of {@code run}
   */
  public static CommandLine commandLine(
      Function<String, String> environment, DeliveryFactory deliveries, String version) {
    CommandLine commandLine = new CommandLine(new ExporterCommand());
    commandLine.getCommandSpec().version("db-provision-exporter " + version);
    commandLine.addSubcommand(new RunCommand(environment, deliveries, version));
    commandLine.addSubcommand(new ValidateCommand(environment));
    commandLine.addSubcommand(new DryRunCommand(environment));
    return commandLine;
  }

  /** {@code run} is the default command: options without a command name are run's. */
  public static String[] withDefaultCommand(String[] args) {
    if (args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL.contains(args[0]))) {
      String[] withRun = new String[args.length + 1];
      withRun[0] = "run";
      System.arraycopy(args, 0, withRun, 1, args.length);
      return withRun;
    }
    return Arrays.copyOf(args, args.length);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    spec.commandLine().usage(out);
    for (CommandLine sub : spec.commandLine().getSubcommands().values()) {
      out.println();
      out.println("--- " + sub.getCommandName() + " ---");
      sub.usage(out);
    }
    return 0;
  }
}
