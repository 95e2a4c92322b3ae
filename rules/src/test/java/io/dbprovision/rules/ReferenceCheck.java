package io.dbprovision.rules;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.events.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that an expression refers only to metrics and labels that exist, and to reasons, kinds and
 * event types of the event catalog. The metrics come from a {@link ProjectMetrics}: today the
 * fixture; the live test that scrapes the operator and the exporter can pass what it scraped.
 */
final class ReferenceCheck {
  private static final Set<String> KIND_LABELS = Set.of("involved_object_kind", "kind");

  private final ProjectMetrics metrics;
  private final Set<String> recordedSeries;

  ReferenceCheck(ProjectMetrics metrics, Set<String> recordedSeries) {
    this.metrics = metrics;
    this.recordedSeries = recordedSeries;
  }

  /** Against the metrics fixture, knowing the series our recording rules produce. */
  static ReferenceCheck againstFixture() {
    return new ReferenceCheck(
        ProjectMetrics.load(),
        RuleGroupFiles.projectRules().stream()
            .filter(r -> !r.isAlert())
            .map(Rule::record)
            .collect(Collectors.toSet()));
  }

  /** Every problem found, each a sentence naming the metric, label or value; empty when none. */
  List<String> problemsOf(AssetExpression expression) {
    List<String> problems = new ArrayList<>();
    PromqlSelectors.Scan scan = PromqlSelectors.scan(expression.promql());
    for (PromqlSelectors.Selector selector : scan.selectors()) {
      String metric = selector.metric();
      if (metric == null) {
        problems.add("selector without a metric name: " + selector);
        continue;
      }
      boolean isRecorded = recordedSeries.contains(metric);
      if (!isRecorded && metrics.family(metric).isEmpty()) {
        problems.add("unknown metric " + metric);
        continue;
      }
      Set<String> labels = isRecorded ? metrics.allLabels() : metrics.labelsOf(metric);
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
      if (!metrics.allLabels().contains(label)) {
        problems.add("no metric has the grouping label " + label);
      }
    }
    return problems;
  }

  private List<String> valueProblems(PromqlSelectors.Selector selector) {
    List<String> problems = new ArrayList<>();
    ProjectMetrics.Metric family = metrics.family(selector.metric()).orElseThrow();
    for (PromqlSelectors.Matcher matcher : selector.matchers()) {
      Set<String> allowed = family.labels().get(matcher.label());
      List<String> values = matcher.literalValues();
      if (allowed != null && !allowed.isEmpty()) {
        values.stream()
            .filter(v -> !allowed.contains(v))
            .forEach(v -> problems.add(matcher + ": " + v + " is not one of " + allowed));
      }
      if (KIND_LABELS.contains(matcher.label())) {
        values.stream()
            .filter(v -> ResourceKind.fromKind(v).isEmpty())
            .forEach(v -> problems.add(matcher + ": " + v + " is not a kind of the catalog"));
      }
      if (matcher.label().equals("type")) {
        values.stream()
            .filter(v -> Arrays.stream(EventType.values()).noneMatch(t -> t.name().equals(v)))
            .forEach(v -> problems.add(matcher + ": " + v + " is not an event type"));
      }
      if (matcher.label().equals("reason")) {
        boolean negative = matcher.operator().startsWith("!");
        values.stream()
            .filter(reason -> !existsInCatalog(selector, reason, negative))
            .forEach(
                reason ->
                    problems.add(
                        matcher
                            + ": no catalog event has reason "
                            + reason
                            + " with the selected kind and type"));
      }
    }
    return problems;
  }

  /**
   * Whether the catalog has a row with this reason and, for a positive matcher, one of the kinds
   * and types the selector names: {@code involved_object_kind="DatabaseBackup",
   * reason="DeadlineExceeded"} is reported, because only restores exceed deadlines.
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
