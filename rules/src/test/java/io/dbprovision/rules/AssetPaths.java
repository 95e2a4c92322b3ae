package io.dbprovision.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the assets live. Surefire runs with the rules module as working directory, so the
 * repository root is its parent; generated files go under the module's {@code target/}.
 */
final class AssetPaths {
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path REPOSITORY = MODULE.getParent();
  static final Path RULE_TESTS = MODULE.resolve("tests");
  static final Path DASHBOARDS = REPOSITORY.resolve("dashboards");
  static final Path RUNBOOKS = REPOSITORY.resolve("docs").resolve("runbooks");
  static final Path RULE_GROUPS = MODULE.resolve("target").resolve("rule-groups");
  static final Path DASHBOARD_QUERIES = MODULE.resolve("target").resolve("dashboard-queries");
  static final Path SEED_EXAMPLE =
      MODULE.resolve("src").resolve("test").resolve("resources").resolve("seed-example-rule.yaml");

  private AssetPaths() {}

  /** The PrometheusRule manifests: every YAML file at the top of the rules module. */
  static List<Path> manifests() {
    return list(MODULE, ".yaml");
  }

  /** The promtool unit test files. */
  static List<Path> ruleTests() {
    return list(RULE_TESTS, ".test.yaml");
  }

  static List<Path> dashboards() {
    return list(DASHBOARDS, ".json");
  }

  static List<Path> runbooks() {
    return list(RUNBOOKS, ".md");
  }

  static String baseName(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - suffix.length());
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
