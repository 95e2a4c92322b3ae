/**
 * The exporter's processing line from a changed Event to a routing {@link
 * io.dbprovision.exporter.pipeline.Decision}: one bounded queue and one thread (normalize has
 * happened in the watch; here: occurrences, counters, enrichment, routing).
 *
 * <p>Seams for the work that follows: {@link io.dbprovision.exporter.pipeline.Dispatcher} is where
 * delivery (queues, notify policies, receivers) plugs in; {@link
 * io.dbprovision.exporter.pipeline.PayloadRenderer} is where the template engine plugs in.
 *
 * <p>Limits: the queue drops (and counts) when full rather than blocking the informer; metadata of
 * kinds that are not ours is fetched on this thread on a cache miss, only for events that a {@code
 * labels}/{@code annotations} rule tests or that are sent somewhere.
 */
package io.dbprovision.exporter.pipeline;
