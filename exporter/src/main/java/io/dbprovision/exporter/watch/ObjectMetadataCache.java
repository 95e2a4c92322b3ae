package io.dbprovision.exporter.watch;

import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels and annotations of involved objects of other kinds (Pods, Deployments, ...): one GET on a
 * miss, then served from a bounded LRU cache for a while. The resource of a kind is found through
 * discovery once per API group-version and remembered, never per event (the Go tool runs a full
 * discovery on every miss, which is what throttles it). A failed lookup is remembered as unknown
 * for the same while, so a broken permission does not turn into a request per event.
 */
public final class ObjectMetadataCache {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectMetadataCache.class);

  private final KubernetesClient client;
  private final Duration ttl;
  private final Clock clock;
  private final Runnable hitCounter;
  private final Runnable missCounter;
  private final Map<String, Entry> entries;
  private final Map<String, Discovered> discovery = new HashMap<>();
  private long hits;
  private long misses;

  private record Entry(ObjectMetadata metadata, Instant fetched) {}

  /** A built-in kind's resource: group/version and kind to plural and scope. */
  private record BuiltIn(String plural, boolean namespaced) {}

  private static final Map<String, BuiltIn> BUILT_IN =
      Map.ofEntries(
          Map.entry("v1/Pod", new BuiltIn("pods", true)),
          Map.entry("v1/Node", new BuiltIn("nodes", false)),
          Map.entry("v1/Namespace", new BuiltIn("namespaces", false)),
          Map.entry("v1/Service", new BuiltIn("services", true)),
          Map.entry("v1/ConfigMap", new BuiltIn("configmaps", true)),
          Map.entry("v1/PersistentVolumeClaim", new BuiltIn("persistentvolumeclaims", true)),
          Map.entry("v1/PersistentVolume", new BuiltIn("persistentvolumes", false)),
          Map.entry("v1/ServiceAccount", new BuiltIn("serviceaccounts", true)),
          Map.entry("v1/Endpoints", new BuiltIn("endpoints", true)),
          Map.entry("apps/v1/Deployment", new BuiltIn("deployments", true)),
          Map.entry("apps/v1/ReplicaSet", new BuiltIn("replicasets", true)),
          Map.entry("apps/v1/StatefulSet", new BuiltIn("statefulsets", true)),
          Map.entry("apps/v1/DaemonSet", new BuiltIn("daemonsets", true)),
          Map.entry("batch/v1/Job", new BuiltIn("jobs", true)),
          Map.entry("batch/v1/CronJob", new BuiltIn("cronjobs", true)));

  private record Discovered(APIResourceList resources, Instant fetched) {}

  /**
   * @param capacity the Go tool's {@code cacheSize}
   * @param ttl how long a looked-up object is trusted
   */
  public ObjectMetadataCache(KubernetesClient client, int capacity, Duration ttl, Clock clock) {
    this(client, capacity, ttl, clock, () -> {}, () -> {});
  }

  /**
   * @param hitCounter counts a lookup answered from the cache
   * @param missCounter counts a lookup that went to the API server
   */
  public ObjectMetadataCache(
      KubernetesClient client,
      int capacity,
      Duration ttl,
      Clock clock,
      Runnable hitCounter,
      Runnable missCounter) {
    this.client = client;
    this.hitCounter = hitCounter;
    this.missCounter = missCounter;
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized ObjectMetadata lookup(ObjectRef ref) {
    String key =
        ref.uid().isEmpty()
            ? ref.apiVersion() + "/" + ref.kind() + "/" + ref.namespace() + "/" + ref.name()
            : ref.uid();
    Instant now = clock.instant();
    Entry cached = entries.get(key);
    if (cached != null && now.isBefore(cached.fetched().plus(ttl))) {
      hits++;
      hitCounter.run();
      return cached.metadata();
    }
    misses++;
    missCounter.run();
    ObjectMetadata metadata = fetch(ref, now);
    entries.put(key, new Entry(metadata, now));
    return metadata;
  }

  /** Lookups answered from the cache. */
  public synchronized long hits() {
    return hits;
  }

  /** Lookups that went to the API server. */
  public synchronized long misses() {
    return misses;
  }

  private ObjectMetadata fetch(ObjectRef ref, Instant now) {
    Optional<ResourceDefinitionContext> context = context(ref, now);
    if (context.isEmpty()) {
      return ObjectMetadata.UNKNOWN;
    }
    try {
      var resources = client.genericKubernetesResources(context.get());
      GenericKubernetesResource object =
          context.get().isNamespaceScoped()
              ? resources.inNamespace(ref.namespace()).withName(ref.name()).get()
              : resources.withName(ref.name()).get();
      if (object == null) {
        return ObjectMetadata.GONE;
      }
      if (!ref.uid().isEmpty() && !ref.uid().equals(object.getMetadata().getUid())) {
        return ObjectMetadata.GONE;
      }
      return ObjectMetadataMapper.of(object.getMetadata());
    } catch (KubernetesClientException e) {
      LOG.debug("cannot read {} {}/{}: {}", ref.kind(), ref.namespace(), ref.name(), e.getCode());
      return ObjectMetadata.UNKNOWN;
    }
  }

  private Optional<ResourceDefinitionContext> context(ObjectRef ref, Instant now) {
    String groupVersion = ref.apiVersion();
    int slash = groupVersion.indexOf('/');
    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
    String version = groupVersion.substring(slash + 1);
    if (group.isEmpty() && ref.kind().equals("Secret")) {
      return Optional.empty();
    }
    BuiltIn builtIn = BUILT_IN.get(groupVersion + "/" + ref.kind());
    if (builtIn != null) {
      return Optional.of(
          new ResourceDefinitionContext.Builder()
              .withGroup(group)
              .withVersion(version)
              .withKind(ref.kind())
              .withPlural(builtIn.plural())
              .withNamespaced(builtIn.namespaced())
              .build());
    }
    Discovered known = discovery.get(groupVersion);
    Optional<APIResource> resource = known == null ? Optional.empty() : find(known, ref.kind());
    if (resource.isEmpty() && (known == null || !now.isBefore(known.fetched().plus(ttl)))) {
      try {
        APIResourceList list = client.getApiResources(groupVersion);
        if (list != null) {
          known = new Discovered(list, now);
          discovery.put(groupVersion, known);
          resource = find(known, ref.kind());
        }
      } catch (KubernetesClientException e) {
        LOG.debug("cannot discover {}: {}", groupVersion, e.getCode());
      }
    }
    return resource.map(
        r ->
            new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(r.getKind())
                .withPlural(r.getName())
                .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
                .build());
  }

  private static Optional<APIResource> find(Discovered discovered, String kind) {
    if (discovered.resources().getResources() == null) {
      return Optional.empty();
    }
    return discovered.resources().getResources().stream()
        .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
        .findFirst();
  }
}
