/**
 * The custom resources of group {@code dbops.dbprovision.io/v1alpha1}.
 *
 * <p>Field paths, types, defaults and enums follow the public Go operator's CRDs so that manifests
 * written for it apply unchanged; we declare only fields that this operator implements. The CRD
 * YAML is generated from these classes at build time by the fabric8 CRD generator and shipped in
 * the Helm chart, so the classes are the only place a schema is written.
 */
package io.dbprovision.api.v1alpha1;
