/**
 * Test infrastructure shared by every module's tests: a Kubernetes API stand-in ({@link
 * io.dbprovision.testkit.kubernetes.MockKubernetes}), real database servers with per-test scratch
 * names ({@link io.dbprovision.testkit.db.RealDatabases}), and WireMock (a dependency: use its own
 * {@code WireMockExtension}).
 *
 * <p>Nothing here skips a test: a missing database server fails loudly, naming the environment
 * variable that points elsewhere.
 */
package io.dbprovision.testkit;
