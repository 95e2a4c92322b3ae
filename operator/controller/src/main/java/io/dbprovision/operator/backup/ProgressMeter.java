package io.dbprovision.operator.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Counts bytes and tells a listener, at most once per interval. Used by one thread. */
final class ProgressMeter {
  private final Clock clock;
  private final Duration interval;
  private final OptionalLong expectedBytes;
  private final ProgressListener listener;
  private long bytes;
  private Instant lastReport;

  ProgressMeter(
      Clock clock, Duration interval, OptionalLong expectedBytes, ProgressListener listener) {
    this.clock = clock;
    this.interval = interval;
    this.expectedBytes = expectedBytes;
    this.listener = listener;
    this.lastReport = clock.instant();
  }

  void add(long count) {
    bytes += count;
    Instant now = clock.instant();
    if (!now.isBefore(lastReport.plus(interval))) {
      lastReport = now;
      listener.onProgress(new Progress(bytes, percentage(99)));
    }
  }

  long bytes() {
    return bytes;
  }

  private OptionalInt percentage(int cap) {
    if (expectedBytes.isEmpty() || expectedBytes.getAsLong() <= 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) Math.min(cap, bytes * 100 / expectedBytes.getAsLong()));
  }
}
