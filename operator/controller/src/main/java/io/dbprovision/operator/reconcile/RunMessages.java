package io.dbprovision.operator.reconcile;

import io.dbprovision.operator.backup.Progress;
import java.time.Duration;
import java.util.Locale;

/** Sizes, durations and progress as the backup and restore Events and status write them. */
final class RunMessages {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private RunMessages() {}

  /** {@code 1536} → {@code 1.5 KiB}. */
  static String bytes(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code PT1M5.2S} → {@code 1m5s}; under a second, {@code 0.3s}. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 1) {
      return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    return (hours > 0 ? hours + "h" : "")
        + (hours > 0 || minutes > 0 ? minutes + "m" : "")
        + rest
        + "s";
  }

  /** {@code 12.0 MiB written (40%)}, or without the percentage when the total is unknown. */
  static String progress(Progress progress, String verb) {
    return bytes(progress.bytes())
        + " "
        + verb
        + (progress.percentage().isPresent() ? " (" + progress.percentage().getAsInt() + "%)" : "");
  }
}
