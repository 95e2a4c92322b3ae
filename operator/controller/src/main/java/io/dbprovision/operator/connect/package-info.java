/**
 * Pooled connections per DatabaseInstance ({@link
 * io.dbprovision.operator.connect.ConnectionPools}).
 *
 * <p>Decisions: small pools (3 connections, one kept idle) with short timeouts, because the
 * operator issues short catalog queries and DDL, and a slow server should fail a reconcile fast
 * (transient, retried) rather than hold a worker. Credentials travel as driver properties, never in
 * URLs or pool names. A pool is replaced when the fingerprint of its settings (password included)
 * changes, and closed when its instance is deleted.
 *
 * <p>Limits: MySQL and MariaDB both use the MariaDB driver. PostgreSQL per-database pools are
 * capped per instance (least recently used closed first).
 */
package io.dbprovision.operator.connect;
