package io.dbprovision.operator.backup;

/** Receives progress from a worker thread, at most once per reporting interval; must not block. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener IGNORE = progress -> {};

  void onProgress(Progress progress);
}
