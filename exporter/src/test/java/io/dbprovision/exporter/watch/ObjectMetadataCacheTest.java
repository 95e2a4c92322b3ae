package io.dbprovision.exporter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.dbprovision.exporter.normalize.OwnerRef;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockKubernetesExtension.class)
class ObjectMetadataCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void namespace(MockKubernetes kubernetes) {
    client = kubernetes.client();
    namespace = kubernetes.newNamespace("lookup");
  }

  private ConfigMap configMap(String name, Map<String, String> labels) {
    return client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .withAnnotations(Map.of("owner", "alice"))
                .endMetadata()
                .build())
        .create();
  }

  private ObjectRef ref(ConfigMap map) {
    return new ObjectRef(
        "v1",
        "ConfigMap",
        namespace,
        map.getMetadata().getName(),
        map.getMetadata().getUid(),
        "",
        "");
  }

  @Test
  void readsTheLabelsOfAnObjectOfAnotherKindOnceAndServesThemFromTheCache() {
    ConfigMap map = configMap("settings", Map.of("team", "dba"));
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 10, Duration.ofMinutes(1), clock);

    ObjectMetadata first = cache.lookup(ref(map));
    ObjectMetadata second = cache.lookup(ref(map));

    assertThat(first.labels()).containsEntry("team", "dba");
    assertThat(first.annotations()).containsEntry("owner", "alice");
    assertThat(first.deleted()).isFalse();
    assertThat(second).isEqualTo(first);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void readsAgainAfterTheTimeToLive() {
    ConfigMap map = configMap("settings", Map.of("team", "dba"));
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 10, Duration.ofMinutes(1), clock);
    cache.lookup(ref(map));

    client
        .configMaps()
        .inNamespace(namespace)
        .withName("settings")
        .edit(
            c -> {
              c.getMetadata().setLabels(Map.of("team", "platform"));
              return c;
            });
    clock.advance(Duration.ofMinutes(1));

    assertThat(cache.lookup(ref(map)).labels()).containsEntry("team", "platform");
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void anObjectThatIsGoneIsDeleted() {
    ConfigMap map = configMap("settings", Map.of());
    client.configMaps().inNamespace(namespace).withName("settings").delete();
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 10, Duration.ofMinutes(1), clock);

    assertThat(cache.lookup(ref(map))).isEqualTo(ObjectMetadata.GONE);
  }

  @Test
  void readsTheOwnersAndWhetherTheObjectIsBeingDeleted() {
    ConfigMap owned =
        client
            .configMaps()
            .inNamespace(namespace)
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("owned")
                    .withNamespace(namespace)
                    .addNewOwnerReference()
                    .withApiVersion("apps/v1")
                    .withKind("Deployment")
                    .withName("web")
                    .withUid("d-1")
                    .withController(true)
                    .endOwnerReference()
                    .withFinalizers("example.io/keep")
                    .endMetadata()
                    .build())
            .create();
    client.configMaps().inNamespace(namespace).withName("owned").delete();
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 10, Duration.ofMinutes(1), clock);

    ObjectMetadata metadata = cache.lookup(ref(owned));

    assertThat(metadata.ownerReferences())
        .containsExactly(new OwnerRef("apps/v1", "Deployment", "web", "d-1", true, false));
    assertThat(metadata.deleted()).as("deletionTimestamp set, finalizer pending").isTrue();
  }

  @Test
  void neverReadsSecrets() {
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 10, Duration.ofMinutes(1), clock);

    assertThat(cache.lookup(new ObjectRef("v1", "Secret", namespace, "creds", "", "", "")))
        .isEqualTo(ObjectMetadata.UNKNOWN);
  }

  @Test
  void aKindTheApiServerDoesNotServeIsUnknown() {
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 10, Duration.ofMinutes(1), clock);

    assertThat(cache.lookup(new ObjectRef("example.io/v1", "Widget", namespace, "w", "", "", "")))
        .isEqualTo(ObjectMetadata.UNKNOWN);
  }

  @Test
  void staysWithinItsCapacity() {
    ObjectMetadataCache cache = new ObjectMetadataCache(client, 2, Duration.ofMinutes(1), clock);
    ConfigMap a = configMap("a", Map.of());
    ConfigMap b = configMap("b", Map.of());
    ConfigMap c = configMap("c", Map.of());

    cache.lookup(ref(a));
    cache.lookup(ref(b));
    cache.lookup(ref(c));
    cache.lookup(ref(a));

    assertThat(cache.misses()).as("a was evicted by c").isEqualTo(4);
  }
}
