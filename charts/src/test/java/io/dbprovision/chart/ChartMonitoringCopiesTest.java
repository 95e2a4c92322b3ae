package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Helm can only package files inside the chart, so the chart carries byte copies of the
 * repository's rules/*.yaml and dashboards/*.json under files/. The two sets must be equal both
 * ways: same names, same bytes. Refresh with {@link Repository#UPDATE_COMMAND}.
 */
class ChartMonitoringCopiesTest {

  @ParameterizedTest(name = "{0}/*.{1}")
  @CsvSource({"rules, yaml", "dashboards, json"})
  void chartCopiesEqualTheRepositoryFilesBothWays(String directory, String extension)
      throws IOException {
    Path sources = Repository.root().resolve(directory);
    Path copies = Repository.chart().resolve("files").resolve(directory);
    if (Repository.updateRequested()) {
      synchronize(sources, copies, extension);
    }

    Map<String, String> expected = contents(sources, extension);
    Map<String, String> actual = contents(copies, extension);
    assertThat(actual.keySet())
        .as("files in %s versus %s; refresh with: %s", copies, sources, Repository.UPDATE_COMMAND)
        .containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (name, content) ->
            assertThat(actual.get(name))
                .as(
                    "%s differs from %s; refresh with: %s",
                    copies.resolve(name), sources.resolve(name), Repository.UPDATE_COMMAND)
                .isEqualTo(content));
  }

  /** Name to content of the directory's *.extension files; a missing directory has none. */
  static Map<String, String> contents(Path directory, String extension) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return contents;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith("." + extension)).toList()) {
        if (Files.isRegularFile(file)) {
          contents.put(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    return contents;
  }

  private static void synchronize(Path sources, Path copies, String extension) throws IOException {
    Map<String, String> wanted = contents(sources, extension);
    for (String stale : contents(copies, extension).keySet()) {
      if (!wanted.containsKey(stale)) {
        Files.delete(copies.resolve(stale));
      }
    }
    if (!wanted.isEmpty()) {
      Files.createDirectories(copies);
    }
    for (String name : wanted.keySet()) {
      Files.copy(
          sources.resolve(name),
          copies.resolve(name),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
