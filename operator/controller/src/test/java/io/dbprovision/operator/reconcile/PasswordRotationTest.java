package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.PasswordRotationSpec;
import io.dbprovision.operator.engine.InvalidSpecException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordRotationTest {
  private static PasswordRotationSpec spec(Boolean enabled, String schedule) {
    PasswordRotationSpec spec = new PasswordRotationSpec();
    spec.setEnabled(enabled);
    spec.setSchedule(schedule);
    return spec;
  }

  @Test
  void absentOrDisabledMeansNoRotation() throws Exception {
    assertThat(PasswordRotation.of(null)).isEmpty();
    assertThat(PasswordRotation.of(spec(false, "0 * * * *"))).isEmpty();
    assertThat(PasswordRotation.of(spec(null, "0 * * * *"))).isEmpty();
  }

  @Test
  void dueOnceTheFirstSlotAfterThePasswordWasSetHasPassed() throws Exception {
    PasswordRotation daily = PasswordRotation.of(spec(true, "30 2 * * *")).orElseThrow();
    Instant set = Instant.parse("2026-11-25T09:00:00Z");
    assertThat(daily.next(set)).contains(Instant.parse("2026-11-26T02:30:00Z"));
    assertThat(daily.due(set, Instant.parse("2026-11-26T02:29:59Z"))).isFalse();
    assertThat(daily.due(set, Instant.parse("2026-11-26T02:30:00Z"))).isTrue();
    // Several missed slots are one rotation: the next is computed from the rotation itself.
    Instant late = Instant.parse("2026-11-29T12:00:00Z");
    assertThat(daily.due(set, late)).isTrue();
    assertThat(daily.due(late, late)).isFalse();
  }

  @Test
  void aScheduleThatIsNotCronIsAnInvalidSpec() {
    assertThatThrownBy(() -> PasswordRotation.of(spec(true, "every day")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("passwordRotation.schedule");
    assertThatThrownBy(() -> PasswordRotation.of(spec(true, null)))
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void theWaitIsClampedBetweenTenSecondsAndAnHour() {
    Instant now = Instant.parse("2026-11-25T09:00:00Z");
    assertThat(PasswordRotation.wait(Optional.of(now.plusSeconds(3)), now))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(PasswordRotation.wait(Optional.of(now.plusSeconds(600)), now))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(PasswordRotation.wait(Optional.of(now.plus(Duration.ofDays(2))), now))
        .isEqualTo(Duration.ofHours(1));
    assertThat(PasswordRotation.wait(Optional.empty(), now)).isEqualTo(Duration.ofHours(1));
  }
}
