package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dashboards' shape: current schema, portable data source, variables, required panels. */
class DashboardsTest {
  static final String DATASOURCE = "${datasource}";
  private static final ProjectMetrics METRICS = ProjectMetrics.load();
  private static final Pattern LEGEND_LABEL =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  static List<Path> dashboards() {
    return AssetPaths.dashboards();
  }

  @Test
  void theFiveDashboardsExistWithDistinctUids() {
    List<GrafanaDashboard> all = dashboards().stream().map(GrafanaDashboard::read).toList();

    assertThat(all)
        .extracting(GrafanaDashboard::uid)
        .containsExactlyInAnyOrder(
            "dbprovision-overview",
            "dbprovision-events",
            "dbprovision-drift",
            "dbprovision-backups",
            "dbprovision-exporter");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void usesTheCurrentSchemaAndOurTag(Path file) {
    JsonNode json = GrafanaDashboard.read(file).json();

    assertThat(json.path("schemaVersion").asInt()).as("schemaVersion").isGreaterThanOrEqualTo(39);
    assertThat(json.path("title").asText()).startsWith("DB Provision / ");
    assertThat(json.path("tags").toString()).contains("\"db-provision\"");
    assertThat(json.has("id")).as("no instance-specific id").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void hasADatasourceAndANamespaceVariable(Path file) {
    GrafanaDashboard dashboard = GrafanaDashboard.read(file);

    JsonNode datasource = dashboard.variable("datasource").orElseThrow();
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");

    JsonNode namespace = dashboard.variable("namespace").orElseThrow();
    assertThat(namespace.path("type").asText()).isEqualTo("query");
    assertThat(namespace.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
    assertThat(namespace.path("multi").asBoolean()).isTrue();
    assertThat(namespace.path("includeAll").asBoolean()).isTrue();
    assertThat(dashboard.queries())
        .filteredOn(q -> q.where().endsWith(" variable namespace"))
        .singleElement()
        .satisfies(q -> assertThat(q.valuesOfLabel()).isEqualTo("namespace"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void refersToTheDataSourceOnlyThroughTheVariable(Path file) {
    List<String> literals = new ArrayList<>();
    collectDatasourceLiterals(GrafanaDashboard.read(file).json(), "$", literals);

    assertThat(literals).as("data source references that are not %s", DATASOURCE).isEmpty();
  }

  private static void collectDatasourceLiterals(JsonNode node, String path, List<String> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String at = path + "." + field.getKey();
        JsonNode value = field.getValue();
        if (field.getKey().equals("datasource")) {
          boolean variable =
              value.isObject()
                  ? value.path("uid").asText().equals(DATASOURCE)
                      && value.path("type").asText().equals("prometheus")
                  : value.asText().equals(DATASOURCE);
          if (!variable) {
            into.add(at + " = " + value);
          }
        } else if (field.getKey().equals("uid") && !path.equals("$")) {
          into.add(at + " = " + value);
        } else {
          collectDatasourceLiterals(value, at, into);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDatasourceLiterals(node.get(i), path + "[" + i + "]", into);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void everyPanelQueriesPrometheusAndFitsTheGrid(Path file) {
    GrafanaDashboard dashboard = GrafanaDashboard.read(file);
    List<JsonNode> panels = dashboard.panels();

    assertThat(panels).extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates();
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt())
          .as("%s: panel fits 24 columns", title)
          .isBetween(1, 24);
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("description").asText()).as("%s: description", title).isNotBlank();
      assertThat(panel.path("targets")).as("%s: targets", title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("expr").asText()).as("%s: expr", title).isNotBlank();
        assertThat(target.path("refId").asText()).as("%s: refId", title).isNotBlank();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void everyQueryOfANamespacedMetricHonoursTheNamespaceVariable(Path file) {
    for (GrafanaDashboard.Query query : GrafanaDashboard.read(file).queries()) {
      if (query.valuesOfLabel() != null && query.valuesOfLabel().equals("namespace")) {
        continue;
      }
      for (PromqlSelectors.Selector selector : PromqlSelectors.scan(query.expr()).selectors()) {
        boolean namespaced =
            METRICS
                .family(selector.metric())
                .map(m -> m.labels().containsKey("namespace"))
                .orElse(false);
        if (namespaced) {
          assertThat(selector.matchers())
              .as("%s: %s filters by $namespace", query, selector.metric())
              .contains(new PromqlSelectors.Matcher("namespace", "=~", "$namespace"));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void legendsNameOnlyLabelsTheirQueriesReturn(Path file) {
    for (JsonNode panel : GrafanaDashboard.read(file).panels()) {
      for (JsonNode target : panel.path("targets")) {
        PromqlSelectors.Scan scan =
            PromqlSelectors.scan(
                GrafanaDashboard.withVariablesResolved(target.path("expr").asText()));
        Set<String> available = new HashSet<>(scan.groupingLabels());
        scan.selectors().forEach(sel -> available.addAll(METRICS.labelsOf(sel.metric())));
        Matcher legend = LEGEND_LABEL.matcher(target.path("legendFormat").asText());
        while (legend.find()) {
          assertThat(available)
              .as(
                  "%s \"%s\": legend label %s",
                  file.getFileName(), panel.path("title").asText(), legend.group(1))
              .contains(legend.group(1));
        }
      }
    }
  }

  static Stream<Arguments> requiredPanels() {
    return Stream.of(
        Arguments.of(
            "overview.json",
            List.of(
                "Resources by phase",
                "Warning event rate by kind and reason",
                "Top objects by Warning events",
                "Instance health")),
        Arguments.of(
            "events.json",
            List.of(
                "Events by kind and reason",
                "$kind: every reason",
                "Events per object and reason")),
        Arguments.of(
            "drift.json",
            List.of("Drifted now", "Drifted objects", "Drift over time", "Drift events by kind")),
        Arguments.of(
            "backups.json",
            List.of(
                "Time since the last successful backup",
                "Backup sizes",
                "Backup duration (last run)",
                "Restore duration (last run)",
                "Backup and restore failures",
                "Schedules: next run")),
        Arguments.of(
            "exporter.json",
            List.of("Deliveries by outcome", "Queue depth", "Retries", "Watch errors")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredPanels")
  void hasTheRequiredPanels(String file, List<String> titles) {
    GrafanaDashboard dashboard = GrafanaDashboard.read(AssetPaths.DASHBOARDS.resolve(file));

    assertThat(dashboard.panels()).extracting(p -> p.path("title").asText()).containsAll(titles);
  }

  @Test
  void theEventsDashboardFiltersByKindObjectAndReasonAndRepeatsPerKind() {
    GrafanaDashboard events = GrafanaDashboard.read(AssetPaths.DASHBOARDS.resolve("events.json"));

    assertThat(events.variables())
        .extracting(v -> v.path("name").asText())
        .contains("kind", "object", "reason", "type");
    assertThat(events.panels())
        .filteredOn(p -> p.path("type").asText().equals("row"))
        .anySatisfy(row -> assertThat(row.path("repeat").asText()).isEqualTo("kind"));
    assertThat(events.queries())
        .filteredOn(q -> q.where().contains("Events by kind and reason"))
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.expr())
                    .contains("involved_object_kind=~\"$kind\"")
                    .contains("involved_object_name=~\"$object\"")
                    .contains("reason=~\"$reason\""));
  }

  @Test
  void theDocsDescribeEveryDashboard() throws IOException {
    String docs =
        java.nio.file.Files.readString(
            AssetPaths.REPOSITORY.resolve("docs").resolve("dashboards.md"));

    assertThat(dashboards())
        .allSatisfy(
            f ->
                assertThat(docs)
                    .as("docs/dashboards.md describes %s", f.getFileName())
                    .contains("dashboards/" + f.getFileName()));
  }
}
