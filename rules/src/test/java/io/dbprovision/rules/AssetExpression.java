package io.dbprovision.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PromQL expression the project ships: a rule's {@code expr} or a dashboard query, with Grafana's
 * variables resolved so that Prometheus can run it.
 *
 * @param where the file and rule, panel or variable, for messages
 * @param valuesOfLabel for a {@code label_values(selector, label)} variable, the label; else null
 */
record AssetExpression(String where, String promql, String valuesOfLabel) {

  /** Every rule of rules/ and of the seed's example, and every query of every dashboard. */
  static List<AssetExpression> inRulesAndDashboards() {
    List<AssetExpression> all = new ArrayList<>();
    List<PrometheusRuleManifest> manifests = new ArrayList<>(RuleGroupFiles.projectManifests());
    manifests.add(PrometheusRuleManifest.read(AssetPaths.SEED_EXAMPLE));
    for (PrometheusRuleManifest manifest : manifests) {
      for (Rule rule : manifest.rules()) {
        all.add(
            new AssetExpression(
                manifest.source().getFileName() + " " + rule.name(), rule.expr(), null));
      }
    }
    for (Path file : AssetPaths.dashboards()) {
      for (GrafanaDashboard.Query query : GrafanaDashboard.read(file).queries()) {
        all.add(
            new AssetExpression(
                query.where(),
                GrafanaDashboard.withVariablesResolved(query.expr()),
                query.valuesOfLabel()));
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return where;
  }
}
