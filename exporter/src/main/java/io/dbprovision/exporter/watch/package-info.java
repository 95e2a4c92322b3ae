/**
 * The exporter's view of the API server: an informer on core/v1 Events feeding the pipeline, and
 * the caches that enrich Events with their involved object's labels and annotations.
 *
 * <p>Decisions: informer handlers copy and hand over, nothing else; the initial list seeds state
 * and the Event informers start from it, so a restart re-counts nothing. Enrichment never runs
 * discovery per event: the operator's kinds come from their informers (which also tell the metrics
 * which objects exist), other kinds from one GET per object into a bounded, time-limited cache,
 * with discovery remembered per group-version. Watch failures are counted and logged.
 *
 * <p>Limits: without a checkpoint (separate work), Events that changed while the exporter was down
 * are seeded at the next start, not counted; Events created during a watch gap longer than {@code
 * maxEventAgeSeconds} are baseline.
 */
package io.dbprovision.exporter.watch;
