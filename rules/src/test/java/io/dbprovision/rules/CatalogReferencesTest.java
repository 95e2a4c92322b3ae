package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression in the rules and dashboards refers to metrics the project defines, with labels
 * those metrics carry, and to reasons, kinds and types that exist in the event catalog. A typo in
 * any of them would give an alert that never fires or a panel that is always empty.
 */
class CatalogReferencesTest {
  private static final ReferenceCheck CHECK = ReferenceCheck.againstFixture();

  static List<AssetExpression> expressions() {
    return AssetExpression.inRulesAndDashboards();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void usesOnlyDefinedMetricsLabelsAndCatalogValues(AssetExpression expression) {
    assertThat(CHECK.problemsOf(expression))
        .as("%s: %s", expression, expression.promql())
        .isEmpty();
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
        "histogram_quantile(0.9, rate(dbprovision_backup_duration_seconds_bucket[5m]))",
        "{__name__=~\"dbprovision_.*\"}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsReferencesToWhatDoesNotExist(String promql) {
    assertThat(CHECK.problemsOf(new AssetExpression("example", promql, null))).isNotEmpty();
  }

  @Test
  void acceptsRightReferencesOfTheSameShapes() {
    assertThat(
            CHECK.problemsOf(
                new AssetExpression(
                    "example",
                    "sum by (reason) (increase(dbprovision_events_total{involved_object_kind="
                        + "\"DatabaseRestore\", reason=~\"Failed|DeadlineExceeded\", type=\"Warning\""
                        + "}[5m])) or dbprovision_exporter_deliveries_total{outcome=\"dropped\"}"
                        + " or dbprovision_reconcile_duration_seconds_bucket{le=\"0.5\"}",
                    null)))
        .isEmpty();
  }
}
