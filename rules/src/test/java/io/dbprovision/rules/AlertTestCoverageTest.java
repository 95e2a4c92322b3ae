package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every alert has at least one promtool case where it fires and one where it must stay silent, and
 * the test files only load rule files that the extraction writes.
 */
class AlertTestCoverageTest {
  private static final Set<String> FIRES = new HashSet<>();
  private static final Set<String> SILENT = new HashSet<>();

  @BeforeAll
  static void readUnitTests() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    for (Path file : AssetPaths.ruleTests()) {
      JsonNode root = yaml.readTree(file.toFile());
      // Keyed by rule file: the seed's example has alerts of the same names as ours.
      List<String> ruleFiles = new ArrayList<>();
      root.path("rule_files")
          .forEach(f -> ruleFiles.add(Path.of(f.asText()).getFileName().toString()));
      for (JsonNode test : root.path("tests")) {
        for (JsonNode alertTest : test.path("alert_rule_test")) {
          String alert = alertTest.path("alertname").asText();
          JsonNode expected = alertTest.path("exp_alerts");
          for (String ruleFile : ruleFiles) {
            if (expected.isEmpty()) {
              SILENT.add(ruleFile + "/" + alert);
            } else if (assertsLabelsAndAnnotations(expected)) {
              FIRES.add(ruleFile + "/" + alert);
            }
          }
        }
      }
    }
  }

  /** A firing case counts only if it pins the severity and all three annotations. */
  private static boolean assertsLabelsAndAnnotations(JsonNode expectedAlerts) {
    for (JsonNode alert : expectedAlerts) {
      JsonNode annotations = alert.path("exp_annotations");
      if (!alert.path("exp_labels").has("severity")
          || !annotations.has("summary")
          || !annotations.has("description")
          || !annotations.has("runbook_url")) {
        return false;
      }
    }
    return true;
  }

  static List<Rule> alerts() {
    return RuleGroupFiles.projectAlerts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alerts")
  void everyAlertIsTestedFiringAndSilent(Rule alert) {
    String key = alert.source().getFileName() + "/" + alert.alert();
    assertThat(FIRES)
        .as("a promtool case where %s fires with its severity and annotations", key)
        .contains(key);
    assertThat(SILENT).as("a promtool case where %s stays silent", key).contains(key);
  }

  @Test
  void unitTestsLoadOnlyExtractedRuleFiles() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    Set<String> extracted = new HashSet<>();
    AssetPaths.manifests().forEach(m -> extracted.add(m.getFileName().toString()));
    extracted.add(AssetPaths.SEED_EXAMPLE.getFileName().toString());

    for (Path file : AssetPaths.ruleTests()) {
      for (JsonNode ruleFile : yaml.readTree(file.toFile()).path("rule_files")) {
        Path path = Path.of(ruleFile.asText());
        assertThat(path.getParent())
            .as("%s loads %s", file.getFileName(), path)
            .isEqualTo(Path.of("..", "target", "rule-groups"));
        assertThat(extracted)
            .as("%s loads %s", file.getFileName(), path)
            .contains(path.getFileName().toString());
      }
    }
  }
}
