package io.dbprovision.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/metrics.md} is written by hand (it explains what each metric means) but its tables
 * must agree with the metrics contract: the same metrics, each under its process's heading, with
 * the same type and labels, and every fixed label value named.
 */
class MetricsDocTest {
  static final Path PAGE = DocPaths.DOCS.resolve("metrics.md");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** A row of one of the page's metric tables. */
  record Row(String section, String name, String type, Set<String> labels, String text) {}

  static Map<String, Row> rows(String page) {
    Map<String, Row> rows = new LinkedHashMap<>();
    String section = "";
    for (String line : page.split("\n")) {
      if (line.startsWith("## ")) {
        section = line.substring(3).toLowerCase(Locale.ROOT);
      }
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("(?<!\\\\)\\|");
      // cells[0] is the empty text before the first pipe.
      String name = codeSpans(cells[1]).get(0);
      Set<String> labels = new LinkedHashSet<>(codeSpans(cells[3]));
      rows.put(name, new Row(section, name, cells[2].strip(), labels, line));
    }
    return rows;
  }

  private static List<String> codeSpans(String cell) {
    List<String> spans = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  @Test
  void pageListsExactlyTheContractsMetricsWithTheirTypesAndLabels() {
    Map<String, Row> rows = rows(DocPaths.read(PAGE));
    List<MetricsContract.Metric> contract =
        MetricsContract.load().stream().filter(m -> !m.source().equals("prometheus")).toList();

    assertThat(rows.keySet())
        .as("metrics in docs/metrics.md vs metrics.tsv")
        .containsExactlyInAnyOrderElementsOf(
            contract.stream().map(MetricsContract.Metric::name).toList());
    for (MetricsContract.Metric metric : contract) {
      Row row = rows.get(metric.name());
      assertThat(row.section())
          .as("%s is under its process's heading", metric.name())
          .contains(metric.source());
      assertThat(row.type()).as("%s type", metric.name()).isEqualTo(metric.type());
      assertThat(row.labels()).as("%s labels", metric.name()).isEqualTo(metric.labels().keySet());
      metric
          .labels()
          .forEach(
              (label, values) ->
                  values.forEach(
                      value ->
                          assertThat(row.text())
                              .as("%s names the %s value %s", metric.name(), label, value)
                              .contains("`" + value + "`")));
    }
  }

  @Test
  void readsNameTypeAndLabelsFromARow() {
    String page =
        """
        ## Exporter metrics

        | Metric | Type | Labels | Meaning |
        |---|---|---|---|
        | `dbprovision_exporter_deliveries_total` | counter | `receiver`, `outcome` | One per try: `sent` or `failed`. |
        """;

    assertThat(rows(page))
        .containsOnlyKeys("dbprovision_exporter_deliveries_total")
        .extractingByKey("dbprovision_exporter_deliveries_total")
        .satisfies(
            row -> {
              assertThat(row.section()).isEqualTo("exporter metrics");
              assertThat(row.type()).isEqualTo("counter");
              assertThat(row.labels()).containsExactly("receiver", "outcome");
            });
  }
}
