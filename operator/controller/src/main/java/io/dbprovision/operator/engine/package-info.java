/**
 * The engine port: what reconcilers ask of a database server ({@link
 * io.dbprovision.operator.engine.DatabaseEngine}), the {@link
 * io.dbprovision.operator.engine.Outcome} it answers with, and the sealed {@link
 * io.dbprovision.operator.engine.EngineException} hierarchy that decides retries.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>All SQL text lives in the dialect packages ({@code postgres}, {@code mysql}). This package
 *       holds only the port, name validation ({@link io.dbprovision.operator.engine.Identifiers})
 *       and the classification of driver errors ({@link
 *       io.dbprovision.operator.engine.SqlFailures}).
 *   <li>Every name is validated here and quoted by its dialect; catalog lookups bind parameters; a
 *       password reaches SQL only through a dialect method that escapes it (PostgreSQL does not
 *       even send it: the driver computes a SCRAM verifier). Error messages are rebuilt without SQL
 *       text and with passwords masked.
 *   <li>Compare, then change: an {@code ensure*} reads the catalogs, reports each difference to
 *       {@link io.dbprovision.operator.engine.Changes}, which applies only what the {@link
 *       io.dbprovision.operator.model.Enforcement} allows. A pass that finds nothing to do issues
 *       no DDL.
 * </ul>
 *
 * <p>Limits: engines are bound to one instance's connections and hold no other state; they are
 * cheap to create per reconcile.
 */
package io.dbprovision.operator.engine;
