package io.dbprovision.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.model.DriftReport.Difference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnforcementTest {
  static final Difference PLAIN = Difference.of("connectionLimit", 5, 7);

  @ParameterizedTest(name = "{0} allowDestructive={1}: plain={2} destructive={3} immutable={4}")
  @CsvSource({
    "APPLY,   true,  true,  true,  false",
    "CORRECT, false, true,  false, false",
    "CORRECT, true,  true,  true,  false",
    "DETECT,  true,  false, false, false",
    "IGNORE,  true,  false, false, false"
  })
  void changesOnlyWhatTheModeAllowsAndNeverAnImmutableField(
      Enforcement.Mode mode,
      boolean allowDestructive,
      boolean plain,
      boolean destructive,
      boolean immutable) {
    Enforcement enforcement = new Enforcement(mode, allowDestructive);

    assertThat(enforcement.changes(PLAIN)).isEqualTo(plain);
    assertThat(enforcement.changes(PLAIN.asDestructive())).isEqualTo(destructive);
    assertThat(enforcement.changes(PLAIN.asImmutable())).isEqualTo(immutable);
  }
}
