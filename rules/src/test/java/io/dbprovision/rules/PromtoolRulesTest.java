package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs promtool on the rules: {@code check rules} on the plain rule groups extracted from every
 * manifest (and from the seed's example), then {@code test rules} on every unit test file in
 * rules/tests/. Failures carry promtool's own output.
 */
class PromtoolRulesTest {
  private static Promtool promtool;
  private static List<Path> ruleFiles;

  @BeforeAll
  static void extractRuleGroups() {
    promtool = Promtool.locate();
    ruleFiles = RuleGroupFiles.write();
  }

  @Test
  void everyRuleFilePassesPromtoolCheck() {
    Promtool.Run run = promtool.checkRules(ruleFiles);

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(ruleFiles)
        .extracting(f -> f.getFileName().toString())
        .contains("seed-example-rule.yaml");
  }

  static List<Path> ruleTests() {
    return AssetPaths.ruleTests();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleTests")
  void unitTestsPass(Path testFile) {
    Promtool.Run run = promtool.testRules(testFile);

    assertThat(run.succeeded()).as(run.describe()).isTrue();
  }

  @Test
  void aWrongExpectationFailsTheUnitTests() {
    // Guards the guard: a unit test expecting the wrong labels must make promtool fail.
    Path wrong = AssetPaths.MODULE.resolve("src/test/resources/wrong-expectation.test.yaml");

    Promtool.Run run = promtool.testRules(wrong);

    assertThat(run.succeeded()).as(run.describe()).isFalse();
    assertThat(run.output()).contains("FAILED");
  }
}
