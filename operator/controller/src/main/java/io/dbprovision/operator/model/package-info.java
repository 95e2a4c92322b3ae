/**
 * Pure desired-state types: what a resource asks of a server, in engine-neutral terms, and the
 * comparisons that turn current and desired state into work ({@link
 * io.dbprovision.operator.model.GrantPlan#diff}) or a report ({@link
 * io.dbprovision.operator.model.DriftReport}).
 *
 * <p>Nothing here touches Kubernetes or JDBC, so everything is tested with plain objects. The
 * reconcilers translate specs into these types; the engines translate them into SQL.
 *
 * <p>Limits: a {@link io.dbprovision.operator.model.GrantSet} is compared as a set of individual
 * privileges. {@code ALL PRIVILEGES} is expanded by the engine into the privileges that keyword
 * means on that server, so that what the catalogs report can be compared with what was asked.
 */
package io.dbprovision.operator.model;
