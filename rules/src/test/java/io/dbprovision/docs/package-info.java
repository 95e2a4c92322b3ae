/**
 * Tests that keep {@code docs/} honest: generated reference blocks (the CRD reference) are
 * rewritten from the build's CRD YAML, handwritten references (metrics, kubectl recipes, sample
 * manifests) are checked against the contracts they describe: {@code metrics.tsv}, the event
 * catalog and the CRD schema.
 *
 * <p>Decisions: the CRD YAML is read from the test classpath ({@code META-INF/fabric8/}, produced
 * by operator/api's build), never from a checked-in copy, so new fields show up on the next build.
 * Refresh generated blocks with {@code ./mvnw -pl rules -am test -Ddbprovision.docs.update=true
 * -Dtest='CrdReferenceDocTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Limits: the schema check covers the structural basics (types, unknown fields, required, enums,
 * patterns, numeric and length bounds), not CEL rules ({@code x-kubernetes-validations}), which
 * only an API server evaluates.
 */
package io.dbprovision.docs;
