/**
 * The PostgreSQL engine: all PostgreSQL SQL text lives here.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Identifiers are double-quoted ({@link
 *       io.dbprovision.operator.engine.postgres.PostgresDialect}), so names are case-sensitive as
 *       written in the spec ({@code MyDb} stays {@code MyDb}). Names longer than 63 bytes are
 *       refused, because PostgreSQL would silently truncate them.
 *   <li>Passwords are set with the driver's {@code alterUserPassword}, which computes a
 *       SCRAM-SHA-256 verifier on the client: the password itself is never sent or logged by the
 *       server.
 *   <li>Privileges are read with {@code aclexplode} from pg_database, pg_namespace, pg_class,
 *       pg_proc and pg_default_acl; schema, object and default privileges over a connection to each
 *       database in the grant's scope.
 *   <li>Version branches: {@code DROP DATABASE ... WITH (FORCE)} from 13 (earlier: terminate
 *       sessions, then drop); MAINTAIN joins the table privileges from 17.
 *   <li>Dropping a role that still holds privileges elsewhere reassigns what it owns to the
 *       operator's account and drops its remaining privileges in every database, then retries;
 *       nothing it owned is deleted.
 * </ul>
 *
 * <p>Tested against PostgreSQL 15 (the contract tests run on the local server, which trusts
 * loopback connections, so refused passwords cannot be shown there).
 */
package io.dbprovision.operator.engine.postgres;
