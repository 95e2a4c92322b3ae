package io.dbprovision.exporter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.LoadedConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.MalformedEventException;
import io.dbprovision.exporter.pipeline.Decision;
import io.dbprovision.exporter.render.TemplatePayloadRenderer;
import io.dbprovision.exporter.route.Router;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
      "Routes one Event (a core/v1 Event in YAML or JSON) through a configuration and prints which"
          + " receivers would fire and what each would send. Nothing is sent; values taken from"
          + " the environment ($${VAR}) are printed as <redacted>.",
      "No cluster is contacted: the involved object's labels and annotations are not looked up,"
          + " so labels/annotations rules see none."
    })
final class DryRunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Function<String, String> environment;

  @Mixin ConfigOptions options;

  @Option(
      names = {"-e", "--event"},
      paramLabel = "FILE",
      required = true,
      description =
          "The Event to route, as YAML or JSON (for example from kubectl get event -o yaml).")
  Path event;

  @Spec CommandSpec spec;

  DryRunCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RecordingEnvironment recorded = new RecordingEnvironment(environment);
    Optional<LoadedConfig> loaded = options.load(recorded, err);
    if (loaded.isEmpty()) {
      return 1;
    }
    ExporterConfig config = loaded.get().config();
    EventRecord record;
    try (InputStream in = Files.newInputStream(event)) {
      record = new EventNormalizer().normalize(Serialization.unmarshal(in, Event.class));
    } catch (IOException | RuntimeException e) {
      err.println(event + ": not a readable Event (" + e.getClass().getSimpleName() + ")");
      return 1;
    } catch (MalformedEventException e) {
      err.println(event + ": " + e.getMessage());
      return 1;
    }
    List<String> names = Router.compile(config.route()).receiversFor(record);
    out.println(
        "Event "
            + record.namespace()
            + "/"
            + record.name()
            + " ("
            + record.type()
            + " "
            + record.reason()
            + ", "
            + record.occurrenceCount()
            + " occurrence(s)): "
            + (names.isEmpty() ? "no receiver fires" : names.size() + " receiver(s) fire"));
    List<ReceiverConfig> receivers =
        names.stream().map(name -> config.receiver(name).orElseThrow()).toList();
    Decision decision =
        new Decision(record, record.occurrenceCount(), receivers, config.clusterName());
    TemplatePayloadRenderer renderer = new TemplatePayloadRenderer().prepare(config);
    for (ReceiverConfig receiver : receivers) {
      out.println();
      out.println(recorded.redact("receiver " + receiver.name() + " -> " + receiver.sink()));
      out.println(
          recorded.redact(JSON.writeValueAsString(decision.payloadFor(receiver, renderer))));
    }
    out.println();
    out.println("nothing was sent (dry run)");
    return 0;
  }
}
