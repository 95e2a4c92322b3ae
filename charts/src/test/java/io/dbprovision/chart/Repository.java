package io.dbprovision.chart;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths into the repository, from the root the build passes in ({@code
 * dbprovision.repository.root}).
 */
final class Repository {
  private Repository() {}

  static Path root() {
    String root = System.getProperty("dbprovision.repository.root");
    Path path = root == null ? Path.of("..") : Path.of(root);
    Path normalized = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(normalized.resolve("charts/db-provision-operator/Chart.yaml"))) {
      throw new IllegalStateException(
          "no repository at " + normalized + ": run the tests from the charts module");
    }
    return normalized;
  }

  static Path chart() {
    return root().resolve("charts/db-provision-operator");
  }

  /** Updating copies instead of failing on them: {@code -Ddbprovision.chart.update=true}. */
  static boolean updateRequested() {
    return Boolean.getBoolean("dbprovision.chart.update");
  }

  static final String UPDATE_COMMAND =
      "./mvnw -B -ntp -pl charts -am test -Dtest='*CopiesTest' -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Ddbprovision.chart.update=true";
}
