/**
 * The operator's {@code dbprovision_*} metrics and their {@code /metrics} endpoint. Names and
 * labels are a contract with the rules and dashboards; the exporter's names ({@code
 * dbprovision_events_total}, {@code dbprovision_exporter_*}) are kept disjoint. Per-object series
 * are removed when their object is deleted. Backup metrics belong to the backup work.
 */
package io.dbprovision.operator.metrics;
