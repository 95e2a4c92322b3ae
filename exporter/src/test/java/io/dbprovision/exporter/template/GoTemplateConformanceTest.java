package io.dbprovision.exporter.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our evaluator against real Go: every corpus template over every fixture event must render exactly
 * what Go's {@code text/template} + Sprig render (see {@link HelmOracle}).
 */
class GoTemplateConformanceTest {
  private static final List<TemplateCorpus.Entry> CORPUS = TemplateCorpus.entries();
  private static final List<TemplateCorpus.Event> EVENTS = TemplateCorpus.events();

  /** {@code date} shows times in Go's Local zone, which Helm takes from this machine. */
  private static final FunctionRegistry FUNCTIONS =
      FunctionRegistry.standard(
          Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneId.systemDefault()));

  private static Path directory;
  private static Map<String, Map<String, String>> goOutputs;

  @BeforeAll
  static void renderCorpusWithGo() throws IOException {
    directory = Files.createTempDirectory("go-template-oracle");
    HelmOracle oracle = new HelmOracle(directory, CORPUS);
    goOutputs = new java.util.HashMap<>();
    for (TemplateCorpus.Event event : EVENTS) {
      goOutputs.put(event.name(), oracle.render(event.data()));
    }
  }

  @AfterAll
  static void removeChart() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (TemplateCorpus.Event event : EVENTS) {
      for (TemplateCorpus.Entry entry : CORPUS) {
        cases.add(Arguments.of(entry, event));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("cases")
  void rendersExactlyWhatGoRenders(TemplateCorpus.Entry entry, TemplateCorpus.Event event) {
    String ours = GoTemplate.parse(entry.id(), entry.text(), FUNCTIONS).execute(event.data());

    assertThat(ours).isEqualTo(goOutputs.get(event.name()).get(entry.id()));
  }

  @Test
  void corpusIsLargeAndEventsVaried() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(60);
    assertThat(EVENTS).extracting(e -> e.data().get("Type")).contains("Warning", "Normal");
    assertThat(EVENTS).anyMatch(e -> !e.data().containsKey("Message"));
  }

  @Test
  void oracleKeepsGoNoValueMarkerDespiteHelmPostProcessing() {
    TemplateCorpus.Event missingFields =
        EVENTS.stream().filter(e -> !e.data().containsKey("Message")).findFirst().orElseThrow();

    assertThat(goOutputs.get(missingFields.name()).get("c002")).isEqualTo("<no value>");
  }
}
