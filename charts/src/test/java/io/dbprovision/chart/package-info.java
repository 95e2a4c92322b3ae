/**
 * Tests of the Helm chart in {@code charts/db-provision-operator}.
 *
 * <p>The chart is rendered offline by helm-java, which runs Helm's own Go code (lint, template,
 * values.schema.json validation), and every rendered document is parsed into a fabric8 type before
 * anything is asserted, so a manifest Kubernetes would reject fails here first. {@code helm
 * template} never prints {@code crds/}; the CRDs are compared as files with what the build
 * generates.
 *
 * <p>Decisions and limits:
 *
 * <ul>
 *   <li>RBAC is compared as single permissions (group, resource, verb, name) against the fixtures
 *       in {@code src/test/resources/rbac/}, the list of what the operator's and the exporter's
 *       code calls. A change of either side shows up as a named permission.
 *   <li>The chart carries copies of the CRDs, rules and dashboards because Helm packages only files
 *       inside the chart. {@code -Ddbprovision.chart.update=true} rewrites the copies instead of
 *       failing on them (see {@link io.dbprovision.chart.Repository#UPDATE_COMMAND}).
 *   <li>Rules and dashboards templates are exercised on a copy of the chart with sample files, so
 *       their tests do not depend on what rules/ and dashboards/ hold at the time.
 *   <li>The Dockerfiles are read, not built (no Docker engine on the build machines).
 * </ul>
 */
package io.dbprovision.chart;
