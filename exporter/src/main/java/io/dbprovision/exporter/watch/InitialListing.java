package io.dbprovision.exporter.watch;

import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.pipeline.Change;

/**
 * What an Event listed when the watch starts stands for: {@link Change.Type#SEED} (baseline: it
 * happened before, count nothing), {@link Change.Type#ADDED} (first sight: the maximum-age rule
 * decides) or {@link Change.Type#RESUMED} (count what was not processed before).
 */
@FunctionalInterface
public interface InitialListing {
  Change.Type typeOf(EventRecord event);

  /** Everything listed is baseline (no checkpoint kept). */
  InitialListing BASELINE = event -> Change.Type.SEED;

  /** The Go tool's start: listed Events are first seen, recent ones are processed. */
  InitialListing FIRST_SIGHT = event -> Change.Type.ADDED;

  /** A relist after a broken watch: diff against the counts the pipeline knows. */
  InitialListing RELIST = event -> Change.Type.RESUMED;
}
