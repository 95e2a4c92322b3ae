package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL query of every dashboard parses. promtool has no "parse this query" command, but
 * {@code check rules} parses every expression, so the queries (with Grafana's variables resolved)
 * are written as recording rules, one group per dashboard, and checked.
 */
class DashboardQueriesParseTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void everyDashboardQueryParses() throws IOException {
    Path file = AssetPaths.DASHBOARD_QUERIES.resolve("dashboard-queries.yaml");
    ObjectNode rules = JsonNodeFactory.instance.objectNode();
    ArrayNode groups = rules.putArray("groups");
    int queries = 0;
    for (Path dashboard : AssetPaths.dashboards()) {
      ArrayNode group =
          groups.addObject().put("name", dashboard.getFileName().toString()).putArray("rules");
      for (GrafanaDashboard.Query query : GrafanaDashboard.read(dashboard).queries()) {
        queries++;
        group
            .addObject()
            .put("record", "dashboard_query_" + queries)
            .put("expr", GrafanaDashboard.withVariablesResolved(query.expr()))
            .putObject("labels")
            .put("source", query.where());
      }
    }
    write(file, rules);

    Promtool.Run run = Promtool.locate().checkRules(List.of(file));

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).contains("SUCCESS: " + queries + " rules found");
  }

  @Test
  void aQueryThatDoesNotParseIsReported() throws IOException {
    Path file = AssetPaths.DASHBOARD_QUERIES.resolve("broken-query.yaml");
    String broken =
        GrafanaDashboard.withVariablesResolved(
            "sum by (reason) (rate(dbprovision_events_total{namespace=~\"$namespace\"}[$__rate_interval])");
    write(
        file,
        YAML.valueToTree(
            Map.of(
                "groups",
                List.of(
                    Map.of(
                        "name",
                        "broken",
                        "rules",
                        List.of(Map.of("record", "broken", "expr", broken)))))));

    Promtool.Run run = Promtool.locate().checkRules(List.of(file));

    assertThat(run.succeeded()).as(run.describe()).isFalse();
  }

  @Test
  void resolvesIntervalsToDurationsAndOtherVariablesToMatchAll() {
    assertThat(GrafanaDashboard.withVariablesResolved("topk($limit, dbprovision_resources)"))
        .isEqualTo("topk(.*, dbprovision_resources)");
    assertThat(
            GrafanaDashboard.withVariablesResolved(
                "rate(x{namespace=~\"${namespace}\", kind=~\"$kind\"}[$__rate_interval])"))
        .isEqualTo("rate(x{namespace=~\".*\", kind=~\".*\"}[5m])");
  }

  private static void write(Path file, JsonNode content) throws IOException {
    Files.createDirectories(file.getParent());
    YAML.writeValue(file.toFile(), content);
  }
}
