package io.dbprovision.exporter.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.exporter.normalize.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileWriterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00.123Z"));
  @TempDir Path dir;

  /** A 20-byte line: "line-NNNNNNNNNNNNNN\n". */
  private static String line(int n) {
    return String.format("line-%014d%n", n);
  }

  private static void writeLine(RotatingFileWriter writer, int n) throws IOException {
    writer.write(line(n));
    writer.flush();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void rotatesBeforeAWriteWouldPassMaxSizeIntoATimestampedBackup() throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 50, 0, 0, clock)) {
      writeLine(writer, 1);
      writeLine(writer, 2);
      writeLine(writer, 3);
    }

    assertThat(files()).containsExactly("events-2026-11-25T12-00-00.123.jsonl", "events.jsonl");
    assertThat(Files.readString(dir.resolve("events-2026-11-25T12-00-00.123.jsonl")))
        .isEqualTo(line(1) + line(2));
    assertThat(Files.readString(file)).isEqualTo(line(3));
  }

  @Test
  void aLineFlushedAtOnceIsNeverSplitAcrossFiles() throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 30, 0, 0, clock)) {
      writer.write("first half ");
      writer.write("second half\n");
      writer.flush();
      writer.write("{\"reason\":\"Failed\"}\n");
      writer.flush();
    }

    assertThat(Files.readString(dir.resolve("events-2026-11-25T12-00-00.123.jsonl")))
        .isEqualTo("first half second half\n");
    assertThat(Files.readString(file)).isEqualTo("{\"reason\":\"Failed\"}\n");
  }

  @Test
  void countsWhatTheFileAlreadyHeld() throws Exception {
    Path file = Files.writeString(dir.resolve("events.log"), line(0) + line(1));
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 50, 0, 0, clock)) {
      writeLine(writer, 2);
    }

    assertThat(files()).containsExactly("events-2026-11-25T12-00-00.123.log", "events.log");
    assertThat(Files.readString(file)).isEqualTo(line(2));
  }

  @Test
  void keepsOnlyTheNewestMaxBackups() throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 20, 0, 2, clock)) {
      for (int i = 0; i < 5; i++) {
        writeLine(writer, i);
        clock.advance(Duration.ofSeconds(1));
      }
    }

    assertThat(files())
        .containsExactly(
            "events-2026-11-25T12-00-03.123.jsonl",
            "events-2026-11-25T12-00-04.123.jsonl",
            "events.jsonl");
    assertThat(Files.readString(dir.resolve("events-2026-11-25T12-00-04.123.jsonl")))
        .as("rotated when line 4 came")
        .isEqualTo(line(3));
    assertThat(Files.readString(file)).isEqualTo(line(4));
  }

  @Test
  void deletesBackupsOlderThanMaxAgeDaysByTheTimeInTheirName() throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(dir.resolve("events-2026-11-20T08-00-00.000.jsonl"), "old\n");
    Files.writeString(dir.resolve("events-2026-11-23T08-00-00.000.jsonl"), "recent\n");
    Files.writeString(dir.resolve("unrelated.txt"), "kept\n");
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 20, 3, 0, clock)) {
      writeLine(writer, 1);
      writeLine(writer, 2);
    }

    assertThat(files())
        .containsExactly(
            "events-2026-11-23T08-00-00.000.jsonl",
            "events-2026-11-25T12-00-00.123.jsonl",
            "events.jsonl",
            "unrelated.txt");
  }

  @Test
  void withoutMaxAgeAndMaxBackupsEveryBackupIsKept() throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 20, 0, 0, clock)) {
      for (int i = 0; i < 4; i++) {
        writeLine(writer, i);
        clock.advance(Duration.ofMillis(5));
      }
    }

    assertThat(files()).hasSize(4);
  }

  @Test
  void aWriteLargerThanMaxSizeFailsAndLeavesTheFileAlone() throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (RotatingFileWriter writer = new RotatingFileWriter(file, 10, 0, 0, clock)) {
      writer.write(line(1));

      assertThatThrownBy(writer::flush)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("maxsize");
    }
    assertThat(files()).containsExactly("events.jsonl");
    assertThat(Files.readString(file)).isEmpty();
  }

  @Test
  void maxSizeIsInMegabytesWithLumberjacksDefaultOf100() throws Exception {
    try (RotatingFileWriter defaulted =
            RotatingFileWriter.open(dir.resolve("a.jsonl"), 0, 0, 0, clock);
        RotatingFileWriter one = RotatingFileWriter.open(dir.resolve("b.jsonl"), 1, 0, 0, clock)) {
      assertThat(defaulted.maxBytes()).isEqualTo(100 * 1024 * 1024);
      char[] almost = new char[1024 * 1024 - 1];
      Arrays.fill(almost, 'x');
      one.write(almost);
      one.flush();
      one.write("yz");
      one.flush();
    }

    assertThat(files()).contains("b-2026-11-25T12-00-00.123.jsonl", "b.jsonl");
    assertThat(Files.size(dir.resolve("b.jsonl"))).isEqualTo(2);
  }
}
