package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.checkpoint.Checkpoint;
import io.dbprovision.exporter.checkpoint.CheckpointListing;
import io.dbprovision.exporter.checkpoint.CheckpointRecorder;
import io.dbprovision.exporter.checkpoint.CheckpointStore;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.health.HealthCheck;
import io.dbprovision.exporter.health.WatchStall;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.pipeline.Dispatcher;
import io.dbprovision.exporter.pipeline.EventPipeline;
import io.dbprovision.exporter.pipeline.MetadataLookup;
import io.dbprovision.exporter.watch.EventWatcher;
import io.dbprovision.exporter.watch.InitialListing;
import io.dbprovision.exporter.watch.InvolvedObjectLookup;
import io.dbprovision.exporter.watch.ObjectMetadataCache;
import io.dbprovision.exporter.watch.OperatorObjects;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leadership term (or the whole run, without leader election): resumes from the checkpoint,
 * watches, counts, routes and dispatches, and records the checkpoint.
 */
public final class ExporterSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExporterSession.class);

  /** What a session needs from the process. */
  public record Wiring(
      KubernetesClient client,
      ExporterMetrics metrics,
      DiscardReporter discards,
      Dispatcher dispatcher,
      Clock clock,
      ScheduledExecutorService scheduler,
      Optional<CheckpointStore> checkpoints,
      Duration checkpointInterval,
      Duration syncTimeout,
      Duration stallTimeout) {}

  private final EventPipeline pipeline;
  private final OperatorObjects operatorObjects;
  private final EventWatcher watcher;
  private final CheckpointRecorder recorder;
  private final WatchStall stall;

  private ExporterSession(
      EventPipeline pipeline,
      OperatorObjects operatorObjects,
      EventWatcher watcher,
      CheckpointRecorder recorder,
      WatchStall stall) {
    this.pipeline = pipeline;
    this.operatorObjects = operatorObjects;
    this.watcher = watcher;
    this.recorder = recorder;
    this.stall = stall;
  }

  /** Resumes from the checkpoint and starts watching; returns once the watch has synced. */
  public static ExporterSession start(ExporterConfig config, Wiring wiring)
      throws InterruptedException, TimeoutException {
    OccurrenceTracker tracker =
        new OccurrenceTracker(
            OccurrenceTracker.DEFAULT_CAPACITY,
            Duration.ofSeconds(config.maxEventAgeSeconds()),
            wiring.clock());
    InitialListing listing = InitialListing.BASELINE;
    CheckpointRecorder recorder = null;
    if (wiring.checkpoints().isPresent()) {
      CheckpointStore store = wiring.checkpoints().get();
      Optional<Checkpoint> checkpoint = store.read();
      LOG.info(
          "{}",
          checkpoint
              .map(c -> "resuming from the checkpoint written at " + c.writtenAt())
              .orElse("no checkpoint yet: recent Events (maxEventAgeSeconds) are processed"));
      listing = CheckpointListing.resumingFrom(checkpoint, tracker);
      recorder =
          new CheckpointRecorder(
              store, wiring.clock(), CheckpointRecorder.DEFAULT_CAPACITY, checkpoint.orElse(null));
    }
    OperatorObjects operatorObjects =
        new OperatorObjects(
            wiring.client(), config.namespaces(), wiring.metrics(), wiring.metrics()::watchError);
    MetadataLookup lookup =
        config.omitLookup()
            ? MetadataLookup.NONE
            : new InvolvedObjectLookup(
                operatorObjects,
                new ObjectMetadataCache(
                    wiring.client(),
                    config.cacheSize(),
                    Duration.ofMinutes(1),
                    wiring.clock(),
                    wiring.metrics()::metadataCacheHit,
                    wiring.metrics()::metadataCacheMiss));
    EventPipeline pipeline =
        new EventPipeline(
            config,
            EventPipeline.DEFAULT_QUEUE_CAPACITY,
            tracker,
            lookup,
            wiring.metrics(),
            wiring.discards(),
            wiring.dispatcher(),
            wiring.clock());
    if (recorder != null) {
      pipeline.onCounted(recorder);
    }
    pipeline.start();
    EventWatcher watcher =
        new EventWatcher(
            wiring.client(),
            config.namespaces(),
            new EventNormalizer(),
            wiring.discards(),
            pipeline,
            wiring.metrics()::watchError,
            listing);
    try {
      operatorObjects.start(wiring.syncTimeout());
      watcher.start(wiring.syncTimeout());
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      watcher.close();
      operatorObjects.close();
      pipeline.close();
      throw e;
    }
    operatorObjects.countDroppedWatches(wiring.scheduler());
    watcher.countDroppedWatches(wiring.scheduler());
    if (recorder != null) {
      recorder.start(wiring.scheduler(), wiring.checkpointInterval());
    }
    WatchStall stall =
        new WatchStall(
            wiring.clock(), wiring.stallTimeout(), pipeline::processed, watcher::isWatching);
    return new ExporterSession(pipeline, operatorObjects, watcher, recorder, stall);
  }

  /** Applies a reloaded configuration from the next Event on. */
  public void reconfigure(ExporterConfig config) {
    pipeline.reconfigure(config);
  }

  public boolean hasSynced() {
    return watcher.hasSynced();
  }

  /** Liveness: the watch has not stalled and the pipeline runs. */
  public HealthCheck liveness() {
    return () -> {
      if (!pipeline.isAlive()) {
        return Optional.of("the pipeline thread has stopped");
      }
      return stall.problem();
    };
  }

  /** The pipeline, for tests and benchmarks that wait for it to drain. */
  public EventPipeline pipeline() {
    return pipeline;
  }

  /** Writes the checkpoint now (tests; the schedule does it otherwise). */
  public boolean flushCheckpoint() {
    return recorder != null && recorder.flush();
  }

  /** Stops and writes a last checkpoint: the next leader repeats nothing. */
  @Override
  public void close() {
    stopWatching();
    if (recorder != null) {
      recorder.close();
    }
  }

  /** Stops as a crash would: nothing more is written. */
  public void abandon() {
    if (recorder != null) {
      recorder.abandon();
    }
    stopWatching();
  }

  private void stopWatching() {
    watcher.close();
    operatorObjects.close();
    pipeline.close();
  }
}
