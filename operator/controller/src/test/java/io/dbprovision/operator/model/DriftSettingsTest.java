package io.dbprovision.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.DriftMode;
import io.dbprovision.api.v1alpha1.DriftPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftSettingsTest {
  static final Duration OPERATOR_DEFAULT = Duration.ofHours(8);

  static DriftPolicy policy(DriftMode mode, String interval) {
    DriftPolicy policy = new DriftPolicy();
    policy.setMode(mode);
    policy.setInterval(interval);
    return policy;
  }

  @Test
  void inheritsFromResourceThenInstanceThenOperator() {
    DriftPolicy resource = policy(DriftMode.correct, "10m");
    DriftPolicy instance = policy(DriftMode.ignore, "1h");

    assertThat(DriftSettings.resolve(resource, instance, OPERATOR_DEFAULT))
        .isEqualTo(new DriftSettings(DriftMode.correct, Duration.ofMinutes(10)));
    assertThat(DriftSettings.resolve(null, instance, OPERATOR_DEFAULT))
        .isEqualTo(new DriftSettings(DriftMode.ignore, Duration.ofHours(1)));
    assertThat(DriftSettings.resolve(null, null, OPERATOR_DEFAULT))
        .isEqualTo(new DriftSettings(DriftMode.detect, OPERATOR_DEFAULT));
  }

  @ParameterizedTest
  @CsvSource({
    "ignore,  false, false, IGNORE,  false",
    "detect,  false, true,  DETECT,  false",
    "correct, false, false, CORRECT, false",
    "correct, false, true,  CORRECT, true",
    "ignore,  true,  false, APPLY,   true",
    "detect,  true,  false, APPLY,   true"
  })
  void appliesAChangedSpecInFullAndOtherwiseFollowsTheMode(
      DriftMode mode,
      boolean specChanged,
      boolean allowDestructive,
      Enforcement.Mode expected,
      boolean expectedDestructive) {
    Enforcement enforcement =
        new DriftSettings(mode, OPERATOR_DEFAULT).enforcement(specChanged, allowDestructive);

    assertThat(enforcement).isEqualTo(new Enforcement(expected, expectedDestructive));
  }

  @ParameterizedTest
  @CsvSource({"30s, PT30S", "8h, PT8H", "1h30m, PT1H30M", "1.5h, PT1H30M", "250ms, PT0.25S"})
  void parsesGoDurations(String text, Duration expected) {
    assertThat(GoDuration.parse("interval", text)).isEqualTo(expected);
  }

  @Test
  void refusesDaysWhichGoDoesNotHaveNamingTheField() {
    assertThatThrownBy(() -> GoDuration.parse("spec.driftPolicy.interval", "7d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.driftPolicy.interval '7d'");
  }
}
