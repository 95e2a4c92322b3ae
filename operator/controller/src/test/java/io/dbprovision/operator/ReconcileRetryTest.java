package io.dbprovision.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A transient failure is retried with growing pauses, and never given up on. */
class ReconcileRetryTest {
  @Test
  void backsOffFromTwoSecondsToFiveMinutesAndKeepsRetrying() {
    RetryExecution retry = OperatorProcess.RECONCILE_RETRY.initExecution();
    List<Long> delays = new ArrayList<>();
    for (int attempt = 0; attempt < 100; attempt++) {
      Optional<Long> next = retry.nextDelay();
      assertThat(next).as("attempt %d", attempt).isPresent();
      assertThat(retry.isLastAttempt()).isFalse();
      delays.add(next.get());
    }
    long fiveMinutes = Duration.ofMinutes(5).toMillis();
    assertThat(delays.get(0)).isEqualTo(2_000L);
    assertThat(delays)
        .isSorted()
        .allSatisfy(delay -> assertThat(delay).isBetween(2_000L, fiveMinutes));
    // Doubling reaches the cap within a dozen attempts (about ten minutes of retrying), then stays.
    assertThat(delays.subList(12, 100)).containsOnly(fiveMinutes);
  }
}
