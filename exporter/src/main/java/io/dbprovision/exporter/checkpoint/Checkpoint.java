package io.dbprovision.exporter.checkpoint;

import java.time.Instant;
import java.util.Map;

/**
 * What an exporter had processed when it wrote the checkpoint.
 *
 * @param counts per Event uid, the highest count processed
 * @param newestCreated the creation time of the newest Event processed (the watch delivers
 *     creations in order, so every Event created before it had been seen); null when none
 * @param writtenAt when the checkpoint was written
 */
public record Checkpoint(Map<String, Integer> counts, Instant newestCreated, Instant writtenAt) {
  public Checkpoint {
    counts = Map.copyOf(counts);
  }
}
