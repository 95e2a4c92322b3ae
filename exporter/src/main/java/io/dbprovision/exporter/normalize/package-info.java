/**
 * From Kubernetes Event objects to occurrences.
 *
 * <p>{@link io.dbprovision.exporter.normalize.EventNormalizer} copies a fabric8 Event into an
 * immutable {@link io.dbprovision.exporter.normalize.EventRecord} (core/v1 and events.k8s.io-style
 * fields alike) or rejects it with a {@link io.dbprovision.exporter.normalize.DiscardCause}. The
 * {@link io.dbprovision.exporter.normalize.OccurrenceTracker} turns adds and updates into counts of
 * new occurrences, which is what the exporter counts and alerts on: client-go compresses repeated
 * events into count increments of one object, which the Go exporter ignores.
 *
 * <p>Decisions: the time of an occurrence is series.lastObservedTime, else lastTimestamp, else
 * eventTime, else the creation time; the occurrence count is series.count, else count, at least 1.
 * Limits: without a checkpoint, occurrences that happen while the exporter is down are seeded as
 * state at the next start, not counted (the checkpoint is separate work).
 */
package io.dbprovision.exporter.normalize;
