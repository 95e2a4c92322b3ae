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

  /** Where the page's rows and the contract disagree, one line per difference. */
  static List<String> disagreements(Map<String, Row> rows, List<MetricsContract.Metric> contract) {
    List<String> out = new ArrayList<>();
    Set<String> documented = new LinkedHashSet<>(rows.keySet());
    for (MetricsContract.Metric metric : contract) {
      Row row = rows.get(metric.name());
      documented.remove(metric.name());
      if (row == null) {
        out.add(metric.name() + ": missing from the page");
        continue;
      }
      if (!row.section().contains(metric.source())) {
        out.add(metric.name() + ": under \"" + row.section() + "\", not the " + metric.source());
      }
      if (!row.type().equals(metric.type())) {
        out.add(metric.name() + ": type " + row.type() + ", contract " + metric.type());
      }
      if (!row.labels().equals(metric.labels().keySet())) {
        out.add(
            metric.name() + ": labels " + row.labels() + ", contract " + metric.labels().keySet());
      }
      metric
          .labels()
          .forEach(
              (label, values) ->
                  values.stream()
                      .filter(value -> !row.text().contains("`" + value + "`"))
                      .forEach(
                          value ->
                              out.add(
                                  metric.name()
                                      + ": "
                                      + label
                                      + " value "
                                      + value
                                      + " not named")));
    }
    documented.forEach(name -> out.add(name + ": not in the metrics contract"));
    return out;
  }

  @Test
  void pageListsExactlyTheContractsMetricsWithTheirTypesAndLabels() {
    List<MetricsContract.Metric> contract =
        MetricsContract.load().stream().filter(m -> !m.source().equals("prometheus")).toList();

    assertThat(disagreements(rows(DocPaths.read(PAGE)), contract)).isEmpty();
  }

  @Test
  void reportsEveryKindOfDisagreement() {
    String page =
        """
        ## Operator metrics

        | Metric | Type | Labels | Meaning |
        |---|---|---|---|
        | `dbprovision_exporter_deliveries_total` | gauge | `receiver` | One per try: `sent`. |
        | `dbprovision_made_up_total` | counter | | Not in the contract. |
        """;
    List<MetricsContract.Metric> contract =
        List.of(
            new MetricsContract.Metric(
                "dbprovision_exporter_deliveries_total",
                "counter",
                "exporter",
                MetricsContract.labels("receiver,outcome=sent|failed")),
            new MetricsContract.Metric(
                "dbprovision_reconcile_total", "counter", "operator", MetricsContract.labels("")));

    assertThat(disagreements(rows(page), contract))
        .containsExactlyInAnyOrder(
            "dbprovision_exporter_deliveries_total: under \"operator metrics\", not the exporter",
            "dbprovision_exporter_deliveries_total: type gauge, contract counter",
            "dbprovision_exporter_deliveries_total: labels [receiver], contract [receiver, outcome]",
            "dbprovision_exporter_deliveries_total: outcome value failed not named",
            "dbprovision_reconcile_total: missing from the page",
            "dbprovision_made_up_total: not in the metrics contract");
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
