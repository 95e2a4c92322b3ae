package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.backup.Progress;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunMessagesTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0 B",
    "1023, 1023 B",
    "1536, 1.5 KiB",
    "10485760, 10.0 MiB",
    "1610612736, 1.5 GiB"
  })
  void bytesInBinaryUnits(long bytes, String text) {
    assertThat(RunMessages.bytes(bytes)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"300, 0.3s", "5000, 5s", "65200, 1m5s", "3600000, 1h0m0s", "3725000, 1h2m5s"})
  void durationsShortAndExact(long millis, String text) {
    assertThat(RunMessages.duration(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @Test
  void progressWithAndWithoutAPercentage() {
    assertThat(RunMessages.progress(new Progress(2048, OptionalInt.of(40)), "written"))
        .isEqualTo("2.0 KiB written (40%)");
    assertThat(RunMessages.progress(new Progress(2048, OptionalInt.empty()), "read"))
        .isEqualTo("2.0 KiB read");
  }
}
