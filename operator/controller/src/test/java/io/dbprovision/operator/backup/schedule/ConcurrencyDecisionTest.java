package io.dbprovision.operator.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.ConcurrencyPolicy;
import io.dbprovision.operator.backup.schedule.ConcurrencyDecision.Action;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrencyDecisionTest {
  @ParameterizedTest(name = "{0} with running [{1}] -> {2} deleting [{3}]")
  @CsvSource({
    "Allow,   '',      START,   ''",
    "Forbid,  '',      START,   ''",
    "Replace, '',      START,   ''",
    "Allow,   b1,      START,   ''",
    "Forbid,  b1,      SKIP,    ''",
    "Replace, b1 b2,   REPLACE, b1 b2",
    ",        b1,      SKIP,    ''",
  })
  void followsTheConcurrencyPolicy(
      ConcurrencyPolicy policy, String running, Action action, String deleted) {
    ConcurrencyDecision decision = ConcurrencyDecision.decide(policy, names(running));

    assertThat(decision.action()).isEqualTo(action);
    assertThat(decision.toDelete()).isEqualTo(names(deleted));
  }

  private static List<String> names(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : Arrays.asList(spaceSeparated.split(" "));
  }
}
