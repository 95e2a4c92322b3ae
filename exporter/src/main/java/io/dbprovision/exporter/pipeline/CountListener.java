package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.normalize.EventRecord;

/** Told, on the pipeline thread, what has been processed: the checkpoint's source. */
public interface CountListener {
  /** {@code event}'s occurrences up to {@code count} have been counted and routed. */
  void counted(EventRecord event, int count);

  /** The Event was deleted. */
  void forgotten(String uid);

  CountListener NONE =
      new CountListener() {
        @Override
        public void counted(EventRecord event, int count) {}

        @Override
        public void forgotten(String uid) {}
      };
}
