/**
 * Kubernetes Events with client-go's semantics: {@code EventRecorder} (never blocks, bounded queue,
 * one worker) → {@code EventCorrelator} (pure: aggregation, counting, per-object spam filter, with
 * client-go's limits as defaults) → {@code EventSink} (create, or merge-patch {@code count}/{@code
 * lastTimestamp}/{@code message} of a repeat).
 *
 * <p>Decisions and limits:
 *
 * <ul>
 *   <li>The recorder accepts only {@link io.dbprovision.api.events.CatalogEvent} constants, and
 *       only on objects of the constant's kind: the operator cannot emit a reason outside the
 *       catalog.
 *   <li>Correlation state lives in memory: after a restart, a repeat starts a new Event (as with
 *       client-go). A repeat whose Event expired on the server is created again with its count.
 *   <li>Writes that fail because the server is unreachable are retried by the single worker
 *       (client-go: 12 tries, 10 s apart); meanwhile the queue fills and further events are dropped
 *       and counted, never waited for.
 *   <li>Timestamps have whole-second precision ({@code metav1.Time}); names are {@code
 *       <object>.<hex nanoseconds>}, unique per process.
 * </ul>
 */
package io.dbprovision.operator.events;
