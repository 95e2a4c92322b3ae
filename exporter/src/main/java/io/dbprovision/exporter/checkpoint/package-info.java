/**
 * Restarts and failovers without duplicates or gaps: the checkpoint of the exporter's design (per
 * Event uid the count already processed, bounded, plus when it was written), kept in a ConfigMap in
 * the exporter's namespace and written by the leader at most every few seconds.
 *
 * <p>On start an Event listed from the API server is, against the checkpoint: in it, resumed (the
 * occurrences above the recorded count happened while no exporter ran); not in it but created no
 * earlier than the newest Event the checkpoint had processed, new (all its occurrences count,
 * whatever their age, since the watch delivers creations in order); otherwise baseline. Without a
 * checkpoint (first start) the Go tool's rule applies ({@code maxEventAgeSeconds}).
 *
 * <p>Limits: what was processed after the last write and before a crash is processed again (at most
 * one write interval of occurrences; a clean stop writes a final checkpoint). The checkpoint holds
 * {@value io.dbprovision.exporter.checkpoint.CheckpointRecorder#DEFAULT_CAPACITY} Events (a
 * ConfigMap holds at most 1 MiB); an Event evicted from it is baseline after a restart.
 */
package io.dbprovision.exporter.checkpoint;
