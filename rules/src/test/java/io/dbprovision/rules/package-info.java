/**
 * Checks of the alerting rules (rules/), the Grafana dashboards (dashboards/) and the runbooks
 * (docs/runbooks/). The assets are plain files; this module only tests them.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>promtool is the authority on PromQL and on rule behaviour: it checks the rule files, runs
 *       the unit tests in rules/tests/ and parses every dashboard query (written as recording
 *       rules, since it has no command to parse a single query). It must be installed; a missing
 *       promtool fails the build rather than skipping the checks.
 *   <li>PrometheusRule manifests are reduced to their {@code .spec} in Java ({@link
 *       io.dbprovision.rules.RuleGroupFiles}) into {@code target/rule-groups/}, the path the unit
 *       tests load.
 *   <li>Names are checked by {@link io.dbprovision.rules.ReferenceCheck} against the event catalog
 *       of operator/api and against a list of the project's metrics. That list is a fixture ({@code
 *       metrics.tsv}) because the operator and exporter are written in parallel; a test that
 *       scrapes both can build a {@link io.dbprovision.rules.ProjectMetrics} from what it scraped
 *       and run the same check.
 * </ul>
 *
 * <p>Limits: {@link io.dbprovision.rules.PromqlSelectors} scans, it does not parse; it finds
 * selectors, matchers and grouping labels, which is all the checks need. Label values are checked
 * only where a matcher names them literally (equality, or a regex of plain alternatives).
 */
package io.dbprovision.rules;
