/**
 * The running exporter: {@link io.dbprovision.exporter.runtime.ExporterProcess} (one per process:
 * metrics and health server, configuration, leader election) and {@link
 * io.dbprovision.exporter.runtime.ExporterSession} (one per leadership term: checkpoint, watch,
 * pipeline). A follower runs no session: it is ready but idle and counts nothing; taking over
 * starts a session that resumes from the checkpoint the last leader wrote.
 *
 * <p>Delivery plugs in through {@link io.dbprovision.exporter.runtime.DeliveryFactory}: the process
 * asks it once for the {@link io.dbprovision.exporter.pipeline.Dispatcher} and its liveness check.
 * Limits: a reload applies routes, receivers' templates and settings read per Event; the watched
 * namespaces, the checkpoint and leader election apply at the next start.
 */
package io.dbprovision.exporter.runtime;
