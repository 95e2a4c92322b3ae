package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.events.EventType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression in the rules and dashboards refers to metrics the project defines, with labels
 * those metrics carry, and to reasons, kinds and types that exist in the event catalog. A typo in
 * any of them would give an alert that never fires or a panel that is always empty.
 */
class CatalogReferencesTest {
  private static final ProjectMetrics METRICS = ProjectMetrics.load();
  private static final Set<String> KIND_LABELS = Set.of("involved_object_kind", "kind");

  /** An expression and where it comes from. */
  record Expression(String where, String promql, String valuesOfLabel) {
    @Override
    public String toString() {
      return where;
    }
  }

  static Stream<Expression> expressions() {
    List<Expression> all = new ArrayList<>();
    List<PrometheusRuleManifest> manifests = new ArrayList<>(RuleGroupFiles.projectManifests());
    manifests.add(PrometheusRuleManifest.read(AssetPaths.SEED_EXAMPLE));
    for (PrometheusRuleManifest manifest : manifests) {
      for (Rule rule : manifest.rules()) {
        all.add(
            new Expression(manifest.source().getFileName() + " " + rule.name(), rule.expr(), null));
      }
    }
    for (Path file : AssetPaths.dashboards()) {
      for (GrafanaDashboard.Query query : GrafanaDashboard.read(file).queries()) {
        all.add(
            new Expression(
                query.where(),
                GrafanaDashboard.withVariablesResolved(query.expr()),
                query.valuesOfLabel()));
      }
    }
    return all.stream();
  }

  private static Set<String> recordedSeries() {
    return RuleGroupFiles.projectRules().stream()
        .filter(r -> !r.isAlert())
        .map(Rule::record)
        .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void usesOnlyDefinedMetricsLabelsAndCatalogValues(Expression expression) {
    List<String> problems = problemsOf(expression);

    assertThat(problems).as("%s: %s", expression, expression.promql()).isEmpty();
  }

  static Stream<String> mistakes() {
    return Stream.of(
        "increase(dbprovision_event_total[5m]) > 0",
        "dbprovision_events_total{reason=\"BackupFailed\"}",
        "dbprovision_events_total{involved_object_kind=\"DatabaseBackup\", reason=\"DeadlineExceeded\"}",
        "dbprovision_events_total{involved_object_kind=~\"Database|Databases\"}",
        "dbprovision_events_total{type=\"Error\"}",
        "dbprovision_events_total{reason=\"Created\", type=\"Warning\"}",
        "dbprovision_events_total{reason!=\"Create\"}",
        "dbprovision_exporter_deliveries_total{outcome=~\"sent|delivered\"}",
        "dbprovision_operator_events_total{kind=\"Backup\"}",
        "dbprovision_instance_healthy{database=\"orders\"}",
        "sum by (resource_type) (dbprovision_resources)",
        "histogram_quantile(0.9, rate(dbprovision_backup_duration_seconds_bucket[5m]))");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsReferencesToWhatDoesNotExist(String promql) {
    assertThat(problemsOf(new Expression("example", promql, null))).isNotEmpty();
  }

  static List<String> problemsOf(Expression expression) {
    List<String> problems = new ArrayList<>();
    PromqlSelectors.Scan scan = PromqlSelectors.scan(expression.promql());
    Set<String> recorded = recordedSeries();
    for (PromqlSelectors.Selector selector : scan.selectors()) {
      String metric = selector.metric();
      if (metric == null) {
        problems.add("selector without a metric name: " + selector);
        continue;
      }
      boolean isRecorded = recorded.contains(metric);
      if (!isRecorded && METRICS.family(metric).isEmpty()) {
        problems.add("unknown metric " + metric);
        continue;
      }
      Set<String> labels = isRecorded ? METRICS.allLabels() : METRICS.labelsOf(metric);
      for (PromqlSelectors.Matcher matcher : selector.matchers()) {
        if (!labels.contains(matcher.label())) {
          problems.add(metric + " has no label " + matcher.label());
        }
      }
      if (!isRecorded) {
        problems.addAll(valueProblems(selector));
      }
      if (expression.valuesOfLabel() != null && !labels.contains(expression.valuesOfLabel())) {
        problems.add(metric + " has no label " + expression.valuesOfLabel() + " to list");
      }
    }
    for (String label : scan.groupingLabels()) {
      if (!METRICS.allLabels().contains(label)) {
        problems.add("no metric has the grouping label " + label);
      }
    }
    return problems;
  }

  private static List<String> valueProblems(PromqlSelectors.Selector selector) {
    List<String> problems = new ArrayList<>();
    ProjectMetrics.Metric family = METRICS.family(selector.metric()).orElseThrow();
    for (PromqlSelectors.Matcher matcher : selector.matchers()) {
      Set<String> allowed = family.labels().get(matcher.label());
      if (allowed != null && !allowed.isEmpty()) {
        for (String value : matcher.literalValues()) {
          if (!allowed.contains(value)) {
            problems.add(matcher + ": " + value + " is not one of " + allowed);
          }
        }
      }
      if (KIND_LABELS.contains(matcher.label())) {
        for (String value : matcher.literalValues()) {
          if (ResourceKind.fromKind(value).isEmpty()) {
            problems.add(matcher + ": " + value + " is not a kind of the catalog");
          }
        }
      }
      if (matcher.label().equals("type")) {
        for (String value : matcher.literalValues()) {
          if (Arrays.stream(EventType.values()).noneMatch(t -> t.name().equals(value))) {
            problems.add(matcher + ": " + value + " is not an event type");
          }
        }
      }
      if (matcher.label().equals("reason")) {
        for (String reason : matcher.literalValues()) {
          if (!existsInCatalog(selector, reason, matcher.operator().startsWith("!"))) {
            problems.add(
                matcher
                    + ": no catalog event has reason "
                    + reason
                    + " with the selected kind/type");
          }
        }
      }
    }
    return problems;
  }

  /**
   * Whether the catalog has a row with this reason and, for a positive matcher, one of the kinds
   * and types the selector names (so {@code involved_object_kind="DatabaseBackup",
   * reason="DeadlineExceeded"} is caught: only restores exceed deadlines).
   */
  private static boolean existsInCatalog(
      PromqlSelectors.Selector selector, String reason, boolean negative) {
    List<String> kinds = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (PromqlSelectors.Matcher m : selector.matchers()) {
      if (m.operator().equals("=") || m.operator().equals("=~")) {
        if (KIND_LABELS.contains(m.label())) {
          kinds.addAll(m.literalValues());
        } else if (m.label().equals("type")) {
          types.addAll(m.literalValues());
        }
      }
    }
    return Arrays.stream(CatalogEvent.values())
        .filter(e -> e.reason().equals(reason))
        .filter(e -> negative || kinds.isEmpty() || kinds.contains(e.kind().kind()))
        .anyMatch(e -> negative || types.isEmpty() || types.contains(e.type().name()));
  }
}
