/**
 * Routing: the Go kubernetes-event-exporter's route tree, compiled once per configuration.
 *
 * <p>Decisions: semantics are the Go tool's, pitfalls included, because existing configurations
 * must route the same way: patterns are unanchored searches ({@code kind: Pod} also matches {@code
 * PodDisruptionBudget}; write {@code ^Pod$}), and the items of a {@code match} list are independent
 * rules, not one ANDed rule. Two deliberate differences: a receiver reached twice gets the event
 * once, and {@code minCount} compares the occurrence count (series.count for events.k8s.io-style
 * events, which the Go tool reads as 0). {@code component} falls back to {@code
 * reportingController} when {@code source.component} is empty.
 */
package io.dbprovision.exporter.route;
