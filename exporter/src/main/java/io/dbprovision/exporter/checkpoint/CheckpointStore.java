package io.dbprovision.exporter.checkpoint;

import java.util.Optional;

/** Where the checkpoint lives between runs. */
public interface CheckpointStore {
  /** The last checkpoint written, or empty when there is none (or it cannot be read). */
  Optional<Checkpoint> read();

  void write(Checkpoint checkpoint);
}
