package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every manifest and every alert must carry for the people who receive them. */
class RuleManifestsTest {
  static final String RUNBOOK_BASE =
      "https://github.com/dbprovision/db-provision-operator/blob/main/docs/runbooks/";
  private static final Pattern DURATION = Pattern.compile("\\d+[smhdwy]");
  private static final Pattern NAMES_AN_OBJECT = Pattern.compile("\\{\\{[^}]*\\$labels\\.");

  static List<Rule> alerts() {
    return RuleGroupFiles.projectAlerts();
  }

  @Test
  void manifestsAreSplitByConcern() {
    assertThat(AssetPaths.manifests())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(
            "connections-and-health.yaml",
            "lifecycle.yaml",
            "drift.yaml",
            "backups.yaml",
            "exporter.yaml",
            "operator.yaml");
    assertThat(RuleGroupFiles.projectManifests())
        .allSatisfy(m -> assertThat(m.name()).startsWith("db-provision-"))
        .extracting(PrometheusRuleManifest::name)
        .doesNotHaveDuplicates();
  }

  @Test
  void theRequiredAlertsExist() {
    assertThat(alerts())
        .extracting(Rule::alert)
        .doesNotHaveDuplicates()
        .contains(
            // The seed's three.
            "DatabaseConnectionFailed",
            "DatabaseDriftDetected",
            "BackupFailed",
            // Health checks, drift correction, create/delete, reconcile errors.
            "DatabaseHealthCheckFailing",
            "DatabaseDriftCorrectionFailed",
            "DatabaseResourceCreateFailed",
            "DatabaseResourceDeleteFailed",
            "DatabaseReconcileFailed",
            "DbProvisionOperatorReconcileErrors",
            // Restores, backups against their schedule, schedules.
            "RestoreFailed",
            "RestoreDeadlineExceeded",
            "RestoreValidationFailed",
            "BackupStale",
            "BackupScheduleNotTriggering",
            // The exporter and the operator themselves.
            "DbProvisionExporterDown",
            "DbProvisionExporterDeliveriesFailing",
            "DbProvisionExporterDeliveriesDropped",
            "DbProvisionExporterWatchErrors",
            "DbProvisionOperatorDown");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alerts")
  void everyAlertHasForSeverityAndAnnotationsNamingTheObject(Rule alert) {
    assertThat(alert.forDuration()).as("%s: for", alert).isNotNull().matches(DURATION);
    assertThat(alert.labels().get("severity"))
        .as("%s: severity label", alert)
        .isIn("critical", "warning");
    assertThat(alert.annotations())
        .as("%s: annotations", alert)
        .containsOnlyKeys("summary", "description", "runbook_url");
    assertThat(alert.annotations().get("summary"))
        .as("%s: summary names the object", alert)
        .containsPattern(NAMES_AN_OBJECT);
    assertThat(alert.annotations().get("description"))
        .as("%s: description names the object", alert)
        .containsPattern(NAMES_AN_OBJECT);
    assertThat(alert.annotations().get("runbook_url"))
        .as("%s: runbook_url", alert)
        .isEqualTo(RUNBOOK_BASE + alert.alert() + ".md");
  }

  @Test
  void recordingRulesFollowTheLevelMetricOperationsNaming() {
    List<Rule> records = RuleGroupFiles.projectRules().stream().filter(r -> !r.isAlert()).toList();

    assertThat(records)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.record())
                    .as("recorded series of %s", r.source().getFileName())
                    .matches("dbprovision(_exporter)?:[a-z_]+(:[a-z0-9]+)?"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alerts")
  void increaseAloneIsUsedOnlyOnCountersWithPreCreatedZeroSeries(Rule alert) {
    // increase(x) > 0 misses the first occurrence when x's series is born non-zero. Where the
    // producer does not create the series at 0, the alert must also catch the series' birth.
    ProjectMetrics metrics = ProjectMetrics.load();
    Set<String> unguarded =
        PromqlSelectors.scan(alert.expr()).selectors().stream()
            .filter(s -> "increase".equals(s.function()))
            .filter(s -> metrics.family(s.metric()).map(m -> !m.zeroSeries()).orElse(false))
            .map(PromqlSelectors.Selector::metric)
            .collect(Collectors.toSet());

    if (!unguarded.isEmpty()) {
      assertThat(alert.expr())
          .as(
              "%s uses increase() on %s, whose series are not created at 0: add a clause for"
                  + " series born since the window (unless ... offset)",
              alert, unguarded)
          .contains("unless")
          .contains("offset");
    }
  }
}
