package io.dbprovision.api.v1alpha1;

/**
 * Whether the operator ignores, reports, or repairs differences between the server and the spec.
 */
public enum DriftMode {
  ignore,
  detect,
  correct
}
