package io.dbprovision.api.v1alpha1;

/** Storage backends the operator implements; constants are spelled as users write them. */
public enum BackupStorageType {
  pvc,
  s3
}
