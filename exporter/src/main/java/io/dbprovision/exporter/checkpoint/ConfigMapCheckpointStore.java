package io.dbprovision.exporter.checkpoint;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint in one ConfigMap of the exporter's namespace, by name (the RBAC grants get and
 * patch on that name, and create). The counts are one {@code uid count} line each: about 48 bytes
 * per Event.
 */
public final class ConfigMapCheckpointStore implements CheckpointStore {
  static final String COUNTS = "counts";
  static final String NEWEST_CREATED = "newestCreated";
  static final String WRITTEN_AT = "writtenAt";
  static final String FORMAT = "format";
  private static final String FORMAT_VERSION = "1";
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapCheckpointStore.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public ConfigMapCheckpointStore(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Optional<Checkpoint> read() {
    ConfigMap map = resource().get();
    if (map == null || map.getData() == null || !map.getData().containsKey(COUNTS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(decode(map.getData()));
    } catch (RuntimeException e) {
      // A damaged checkpoint must not stop the exporter: start as the Go tool would.
      LOG.warn(
          "ignoring the checkpoint in ConfigMap {}/{}: it cannot be read ({})",
          namespace,
          name,
          e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void write(Checkpoint checkpoint) {
    Map<String, String> data = encode(checkpoint);
    Resource<ConfigMap> resource = resource();
    if (resource.get() == null) {
      client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .addToLabels("app.kubernetes.io/component", "event-exporter-checkpoint")
                  .endMetadata()
                  .withData(data)
                  .build())
          .create();
    } else {
      resource.edit(current -> new ConfigMapBuilder(current).withData(data).build());
    }
  }

  private Resource<ConfigMap> resource() {
    return client.configMaps().inNamespace(namespace).withName(name);
  }

  static Map<String, String> encode(Checkpoint checkpoint) {
    StringBuilder counts = new StringBuilder(checkpoint.counts().size() * 48);
    checkpoint
        .counts()
        .forEach((uid, count) -> counts.append(uid).append(' ').append(count).append('\n'));
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FORMAT, FORMAT_VERSION);
    data.put(WRITTEN_AT, checkpoint.writtenAt().toString());
    data.put(
        NEWEST_CREATED,
        checkpoint.newestCreated() == null ? "" : checkpoint.newestCreated().toString());
    data.put(COUNTS, counts.toString());
    return data;
  }

  static Checkpoint decode(Map<String, String> data) {
    if (!FORMAT_VERSION.equals(data.get(FORMAT))) {
      throw new IllegalArgumentException("unknown format " + data.get(FORMAT));
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String line : data.get(COUNTS).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 1) {
        throw new IllegalArgumentException("a count line without a count");
      }
      counts.put(line.substring(0, space), Integer.parseInt(line.substring(space + 1).trim()));
    }
    try {
      String newest = data.getOrDefault(NEWEST_CREATED, "");
      return new Checkpoint(
          counts,
          newest.isEmpty() ? null : Instant.parse(newest),
          Instant.parse(data.get(WRITTEN_AT)));
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("a time that is not ISO-8601", e);
    }
  }
}
