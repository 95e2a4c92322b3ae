/**
 * The operator process: {@code Main} (configuration, client, exit codes, shutdown hook) and {@code
 * OperatorProcess} (wiring: health and metrics endpoints, event recorder, JOSDK operator with the
 * reconcilers of {@code Main.reconcilers}, leader election). Reconcilers receive {@code
 * OperatorServices}.
 *
 * <p>Decisions: JOSDK refuses to start without a controller, so with none registered there is no
 * JOSDK operator and the probes follow the recorder alone. JOSDK would call {@code System.exit}
 * when leadership ends, also on a graceful stop; the process turns that off and exits itself only
 * when the Lease is lost while running (exit status 3). Exit status 2 means a configuration that
 * cannot be used, 1 a failed startup.
 */
package io.dbprovision.operator;
