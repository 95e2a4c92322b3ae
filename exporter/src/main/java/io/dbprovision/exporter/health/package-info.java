/**
 * {@code /healthz} and {@code /readyz}, served beside {@code /metrics} on one port.
 *
 * <p>Liveness fails when a component that the process cannot recover by itself is broken: the watch
 * stalled (no Event processed and the watch not open for the stall timeout), the pipeline thread
 * died, or the delivery reports a dead worker. Readiness fails until a valid configuration is
 * loaded and, on the leader, the informers have synced; a follower is ready while idle. Each answer
 * lists the checks that failed, in plain text (no secrets: checks report states, not data).
 */
package io.dbprovision.exporter.health;
