package io.dbprovision.exporter.checkpoint;

import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.pipeline.Change;
import io.dbprovision.exporter.watch.InitialListing;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** How the Events listed at start are taken, given the checkpoint (see the package notes). */
public final class CheckpointListing implements InitialListing {
  private final Checkpoint checkpoint;

  private CheckpointListing(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  /**
   * The listing for a start from {@code checkpoint}; restores its counts into {@code tracker},
   * which must not be in use yet.
   */
  public static InitialListing resumingFrom(
      Optional<Checkpoint> checkpoint, OccurrenceTracker tracker) {
    if (checkpoint.isEmpty()) {
      return InitialListing.FIRST_SIGHT;
    }
    checkpoint.get().counts().forEach(tracker::restore);
    return new CheckpointListing(checkpoint.get());
  }

  @Override
  public Change.Type typeOf(EventRecord event) {
    if (checkpoint.counts().containsKey(event.uid())) {
      return Change.Type.RESUMED;
    }
    Instant newest = checkpoint.newestCreated();
    Instant created = createdAt(event);
    // Creation times have second precision: an Event of the same second as the newest processed
    // one that is not in the checkpoint was not processed.
    if (newest == null
        || (created != null && !created.isBefore(newest.truncatedTo(ChronoUnit.SECONDS)))) {
      return Change.Type.RESUMED;
    }
    return Change.Type.SEED;
  }

  /** When the Event object was created: its creation timestamp, else its first occurrence. */
  static Instant createdAt(EventRecord event) {
    if (event.creationTimestamp() != null) {
      return event.creationTimestamp();
    }
    return event.firstTimestamp() != null ? event.firstTimestamp() : event.eventTime();
  }
}
