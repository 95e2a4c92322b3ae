package io.dbprovision.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What the demo shows, one line at a time from several threads (the event watch, the exporter's
 * delivery, the scenario), each line starting with the local time and a column saying where it
 * comes from.
 */
final class Console {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** The column a line belongs to. */
  enum Source {
    DEMO("demo"),
    STEP("step"),
    EVENT("event"),
    METRIC("metric"),
    SLACK("slack");

    private final String label;

    Source(String label) {
      this.label = label;
    }
  }

  private final PrintStream out;
  private final Clock clock;

  Console(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  synchronized void line(Source source, String text) {
    String time =
        LocalTime.now(clock.withZone(ZoneId.systemDefault()))
            .truncatedTo(ChronoUnit.SECONDS)
            .format(TIME);
    out.printf("%s  %-6s  %s%n", time, source.label, text);
    out.flush();
  }

  /** A line with no time or column, for headings and the closing summary. */
  synchronized void plain(String text) {
    out.println(text);
    out.flush();
  }
}
