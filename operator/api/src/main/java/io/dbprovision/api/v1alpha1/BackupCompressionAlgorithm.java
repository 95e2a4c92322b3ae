package io.dbprovision.api.v1alpha1;

/** Compression algorithms the operator implements; constants are spelled as users write them. */
public enum BackupCompressionAlgorithm {
  gzip,
  zstd,
  none
}
