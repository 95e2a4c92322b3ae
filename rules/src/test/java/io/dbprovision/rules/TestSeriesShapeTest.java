package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promtool tests prove something only if their input series look like what Prometheus really
 * scrapes: project metrics with their labels, and event counters with the exporter's labels and
 * catalog values.
 */
class TestSeriesShapeTest {
  private static final Set<String> EVENT_COUNTERS =
      Set.of("dbprovision_events_total", "kubernetes_events_total");
  private static final Set<String> EVENT_LABELS =
      Set.of(
          "job",
          "instance",
          "namespace",
          "involved_object_kind",
          "involved_object_name",
          "reason",
          "type");
  private static final ProjectMetrics METRICS = ProjectMetrics.load();

  /** One input series of one promtool test case. */
  record InputSeries(Path file, String testName, String metric, Map<String, String> labels) {
    @Override
    public String toString() {
      return file.getFileName() + " / " + testName + ": " + metric + labels;
    }
  }

  static List<InputSeries> inputSeries() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    List<InputSeries> all = new ArrayList<>();
    for (Path file : AssetPaths.ruleTests()) {
      for (JsonNode test : yaml.readTree(file.toFile()).path("tests")) {
        for (JsonNode series : test.path("input_series")) {
          PromqlSelectors.Selector selector =
              PromqlSelectors.scan(series.path("series").asText()).selectors().get(0);
          Map<String, String> labels = new LinkedHashMap<>();
          selector.matchers().forEach(m -> labels.put(m.label(), m.value()));
          all.add(new InputSeries(file, test.path("name").asText(), selector.metric(), labels));
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputSeries")
  void usesAProjectMetricWithItsLabels(InputSeries series) {
    assertThat(METRICS.family(series.metric())).as("metric of %s", series).isPresent();
    assertThat(METRICS.labelsOf(series.metric())).containsAll(series.labels().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputSeries")
  void eventCountersCarryTheExportersLabelsAndCatalogValues(InputSeries series) {
    if (!EVENT_COUNTERS.contains(series.metric())) {
      return;
    }
    assertThat(series.labels().keySet()).isEqualTo(EVENT_LABELS);
    CatalogEvent event =
        CatalogEvent.find(
                series.labels().get("involved_object_kind"), series.labels().get("reason"))
            .orElseThrow(() -> new AssertionError("not in the catalog: " + series));
    assertThat(series.labels().get("type")).isEqualTo(event.type().name());
  }

  /** One operator object within one promtool test case. */
  record EventObject(String testName, String kind, String namespace, String name) {
    static EventObject of(InputSeries series) {
      return new EventObject(
          series.testName(),
          series.labels().get("involved_object_kind"),
          series.labels().get("namespace"),
          series.labels().get("involved_object_name"));
    }
  }

  @Test
  void theSeedExampleSeesEveryCatalogReasonOfEachObject() throws IOException {
    Map<EventObject, Set<String>> reasonsByObject =
        inputSeries().stream()
            .filter(s -> s.file().getFileName().toString().equals("seed-example.test.yaml"))
            .collect(
                Collectors.groupingBy(
                    EventObject::of,
                    Collectors.mapping(
                        s -> s.labels().get("reason"), Collectors.toCollection(TreeSet::new))));

    assertThat(reasonsByObject).isNotEmpty();
    reasonsByObject.forEach(
        (object, reasons) ->
            assertThat(reasons)
                .as("reasons of %s", object)
                .isEqualTo(
                    CatalogEvent.of(ResourceKind.fromKind(object.kind()).orElseThrow()).stream()
                        .map(CatalogEvent::reason)
                        .collect(Collectors.toCollection(TreeSet::new))));
  }
}
