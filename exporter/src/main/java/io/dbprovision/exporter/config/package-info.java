/**
 * The exporter's configuration: the Go kubernetes-event-exporter's YAML, read unchanged.
 *
 * <p>Decisions: the file is parsed into a tree first and {@code ${VAR}} is expanded inside scalar
 * values afterwards, so an environment value cannot inject YAML (the Go tool expands the raw text);
 * {@code $$} is a literal dollar and an undefined variable is an error. Validation collects every
 * problem with its YAML path before failing. Unknown keys, which the Go tool silently drops, are
 * warnings (errors when strict). Regexes are checked at load; sinks the Go tool has but we do not
 * deliver to are a startup error naming the supported ones.
 *
 * <p>Templates are plain strings here; the template engine checks them at load through {@link
 * io.dbprovision.exporter.config.TemplateSyntax}, so their errors carry paths like any other.
 *
 * <p>Secrets (tokens, endpoints, header values) are never logged: problems name keys, not values,
 * and the sink records redact themselves in {@code toString()}.
 *
 * <p>Limits: {@code $VAR} without braces is not expanded (Go expands it, but it collides with regex
 * anchors); {@code metricsNamePrefix} adds the Go tool's own metrics under it but does not rename
 * ours, whose names are a contract with the shipped rules and dashboards; {@code kubeQPS}, {@code
 * kubeBurst} and {@code metricsNamePrefix} are read at start (a reload does not change them).
 */
package io.dbprovision.exporter.config;
