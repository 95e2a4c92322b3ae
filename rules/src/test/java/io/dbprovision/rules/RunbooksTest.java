package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every alert has a runbook, every runbook belongs to an alert, and the docs list them all. */
class RunbooksTest {

  static List<Rule> alerts() {
    return RuleGroupFiles.projectAlerts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alerts")
  void everyAlertHasARunbookThatExplainsItself(Rule alert) throws IOException {
    Path runbook = AssetPaths.RUNBOOKS.resolve(alert.alert() + ".md");
    assertThat(runbook).as("runbook of %s", alert).isRegularFile();

    String text = Files.readString(runbook, StandardCharsets.UTF_8);
    assertThat(text)
        .as("%s", runbook.getFileName())
        .startsWith("# " + alert.alert() + "\n")
        .contains("**Severity:** " + alert.labels().get("severity"))
        .contains("rules/" + alert.source().getFileName())
        .contains("## Meaning")
        .contains("## How to look")
        .contains("## What to do")
        .contains("```bash")
        .contains("kubectl ");
  }

  @Test
  void everyRunbookBelongsToAnAlert() {
    List<String> alertNames = alerts().stream().map(Rule::alert).toList();

    assertThat(AssetPaths.runbooks())
        .extracting(p -> AssetPaths.baseName(p, ".md"))
        .allSatisfy(name -> assertThat(alertNames).as("alert of runbook %s", name).contains(name));
  }

  @Test
  void theAlertingGuideListsEveryAlert() throws IOException {
    String guide =
        Files.readString(
            AssetPaths.REPOSITORY.resolve("docs").resolve("alerting.md"), StandardCharsets.UTF_8);

    assertThat(alerts())
        .allSatisfy(
            alert ->
                assertThat(guide)
                    .as("docs/alerting.md lists %s with its runbook", alert)
                    .contains("[" + alert.alert() + "](runbooks/" + alert.alert() + ".md)"));
  }
}
