/**
 * {@code /healthz} and {@code /readyz} on their own port (the JDK HTTP server, one daemon thread):
 * liveness follows the event recorder's worker and JOSDK's informers, readiness follows startup
 * (JOSDK returns from {@code start()} once caches synced). See {@code OperatorHealth}.
 */
package io.dbprovision.operator.health;
