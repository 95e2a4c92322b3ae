/**
 * Access to the API server: the client-side request rate limit of the Go tool's {@code kubeQPS} and
 * {@code kubeBurst}, which fabric8 (7.5) has no setting for.
 */
package io.dbprovision.exporter.kube;
