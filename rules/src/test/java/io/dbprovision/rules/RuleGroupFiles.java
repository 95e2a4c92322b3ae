package io.dbprovision.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plain rule files promtool reads: the {@code .spec} of every manifest in rules/ and of the
 * seed's example rule, written to {@code target/rule-groups/} under the manifest's file name. The
 * promtool unit tests in rules/tests/ name them by that path.
 */
final class RuleGroupFiles {
  private RuleGroupFiles() {}

  static List<PrometheusRuleManifest> projectManifests() {
    return AssetPaths.manifests().stream().map(PrometheusRuleManifest::read).toList();
  }

  static List<Rule> projectRules() {
    return projectManifests().stream().flatMap(m -> m.rules().stream()).toList();
  }

  static List<Rule> projectAlerts() {
    return projectRules().stream().filter(Rule::isAlert).toList();
  }

  /** Writes every rule file afresh (stale files of removed manifests go) and returns them. */
  static List<Path> write() {
    deleteContents(AssetPaths.RULE_GROUPS);
    List<Path> written = new ArrayList<>();
    for (PrometheusRuleManifest manifest : projectManifests()) {
      written.add(manifest.writeRuleGroups(AssetPaths.RULE_GROUPS));
    }
    written.add(
        PrometheusRuleManifest.read(AssetPaths.SEED_EXAMPLE)
            .writeRuleGroups(AssetPaths.RULE_GROUPS));
    return written;
  }

  private static void deleteContents(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }
}
