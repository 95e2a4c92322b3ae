package io.dbprovision.api.v1alpha1;

/** What happens on the server when the resource is deleted. */
public enum DeletionPolicy {
  Delete,
  Retain
}
