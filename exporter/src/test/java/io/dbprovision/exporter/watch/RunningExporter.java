package io.dbprovision.exporter.watch;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.metrics.MetricsServer;
import io.dbprovision.exporter.metrics.Scrape;
import io.dbprovision.exporter.normalize.DiscardReporter;
import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.pipeline.EventPipeline;
import io.dbprovision.exporter.pipeline.MetadataLookup;
import io.dbprovision.exporter.pipeline.RecordingDispatcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/**
 * One exporter process for component tests: the watch, the pipeline and the metrics wired as the
 * real process wires them, over its own client, with a recording receiver instead of delivery.
 */
final class RunningExporter implements AutoCloseable {
  final ExporterConfig config;
  final ExporterMetrics metrics;
  final RecordingDispatcher receiver = new RecordingDispatcher();
  final EventPipeline pipeline;
  final OperatorObjects operatorObjects;
  final EventWatcher watcher;
  private final MetricsServer server;
  private final KubernetesClient client;

  RunningExporter(KubernetesClient client, String configYaml, MutableClock clock) throws Exception {
    this.client = client;
    this.config = new ConfigLoader(k -> null, true).parse(configYaml, "test").config();
    PrometheusRegistry registry = new PrometheusRegistry();
    this.metrics = new ExporterMetrics(registry, config.metrics(), clock, "test");
    this.server = MetricsServer.start("127.0.0.1:0", registry);
    DiscardReporter discards = DiscardReporter.perMinute(clock, metrics::discarded);
    this.operatorObjects =
        new OperatorObjects(client, config.namespaces(), metrics, metrics::watchError);
    MetadataLookup lookup =
        config.omitLookup()
            ? MetadataLookup.NONE
            : new InvolvedObjectLookup(
                operatorObjects,
                new ObjectMetadataCache(client, config.cacheSize(), Duration.ofMinutes(1), clock));
    this.pipeline =
        new EventPipeline(
                config,
                1000,
                new OccurrenceTracker(
                    10_000, Duration.ofSeconds(config.maxEventAgeSeconds()), clock),
                lookup,
                metrics,
                discards,
                receiver,
                clock)
            .start();
    this.watcher =
        new EventWatcher(
            client,
            config.namespaces(),
            new EventNormalizer(),
            discards,
            pipeline,
            metrics::watchError);
    operatorObjects.start(Duration.ofSeconds(30));
    watcher.start(Duration.ofSeconds(30));
  }

  Scrape scrape() throws Exception {
    return Scrape.of(server.port());
  }

  @Override
  public void close() {
    watcher.close();
    operatorObjects.close();
    pipeline.close();
    server.close();
    client.close();
  }
}
