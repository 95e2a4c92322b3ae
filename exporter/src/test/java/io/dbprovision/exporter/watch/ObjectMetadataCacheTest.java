package io.dbprovision.exporter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.ObjectMetadata;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.dbprovision.exporter.normalize.OwnerRef;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

  /** Paths of the GET requests a client sends, recorded by an interceptor. */
  private static final class RecordedGets implements Interceptor {
    final List<String> paths = new CopyOnWriteArrayList<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      if (request.method().equals("GET")) {
        paths.add(request.uri().getPath());
      }
    }

    long count(String path) {
      return paths.stream().filter(path::equals).count();
    }
  }

  private KubernetesClient recordingClient(RecordedGets gets) {
    return new KubernetesClientBuilder()
        .withConfig(client.getConfiguration())
        .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("record", gets))
        .build();
  }

  private GenericKubernetesResource operatorObject(ResourceKind kind, String name) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(ResourceKind.API_VERSION);
    object.setKind(kind.kind());
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(Map.of("team", "dba-" + name))
            .build());
    return client
        .genericKubernetesResources(
            new ResourceDefinitionContext.Builder()
                .withGroup(ResourceKind.GROUP)
                .withVersion(ResourceKind.VERSION)
                .withKind(kind.kind())
                .withPlural(kind.plural())
                .withNamespaced(true)
                .build())
        .inNamespace(namespace)
        .resource(object)
        .create();
  }

  private ObjectRef ref(GenericKubernetesResource object) {
    return new ObjectRef(
        object.getApiVersion(),
        object.getKind(),
        namespace,
        object.getMetadata().getName(),
        object.getMetadata().getUid(),
        "",
        "");
  }

  @Test
  void findsAKindThatIsNotBuiltInThroughDiscoveryOncePerGroupVersion() {
    GenericKubernetesResource database = operatorObject(ResourceKind.DATABASE, "orders");
    GenericKubernetesResource user = operatorObject(ResourceKind.DATABASE_USER, "app");
    RecordedGets gets = new RecordedGets();
    String discovery = "/apis/" + ResourceKind.API_VERSION;

    try (KubernetesClient recording = recordingClient(gets)) {
      ObjectMetadataCache cache =
          new ObjectMetadataCache(recording, 10, Duration.ofMinutes(1), clock);

      ObjectMetadata ofDatabase = cache.lookup(ref(database));
      ObjectMetadata ofUser = cache.lookup(ref(user));

      assertThat(ofDatabase.labels()).containsEntry("team", "dba-orders");
      assertThat(ofUser.labels()).containsEntry("team", "dba-app");
      assertThat(gets.count(discovery))
          .as("one discovery of the group-version serves both kinds")
          .isEqualTo(1);
      assertThat(gets.paths)
          .contains(
              "/apis/"
                  + ResourceKind.API_VERSION
                  + "/namespaces/"
                  + namespace
                  + "/databases/orders",
              "/apis/"
                  + ResourceKind.API_VERSION
                  + "/namespaces/"
                  + namespace
                  + "/databaseusers/app");

      clock.advance(Duration.ofMinutes(2));
      cache.lookup(ref(database));
      assertThat(gets.count(discovery))
          .as("a kind once found is not discovered again, even after the time to live")
          .isEqualTo(1);
    }
  }

  @Test
  void aKindMissingFromAKnownGroupVersionIsRediscoveredOnlyAfterTheTimeToLive() {
    RecordedGets gets = new RecordedGets();
    String discovery = "/apis/" + ResourceKind.API_VERSION;
    ObjectRef unknownKind =
        new ObjectRef(ResourceKind.API_VERSION, "DatabaseWidget", namespace, "w", "", "", "");

    try (KubernetesClient recording = recordingClient(gets)) {
      ObjectMetadataCache cache =
          new ObjectMetadataCache(recording, 10, Duration.ofMinutes(1), clock);

      assertThat(cache.lookup(unknownKind)).isEqualTo(ObjectMetadata.UNKNOWN);
      clock.advance(Duration.ofMinutes(2));
      assertThat(cache.lookup(unknownKind)).isEqualTo(ObjectMetadata.UNKNOWN);
      assertThat(gets.count(discovery))
          .as("after the time to live the group-version is discovered again (a CRD may be new)")
          .isEqualTo(2);

      cache.lookup(
          new ObjectRef(ResourceKind.API_VERSION, "DatabaseWidget", namespace, "x", "", "", ""));
      assertThat(gets.count(discovery))
          .as("within the time to live a missing kind costs no discovery")
          .isEqualTo(2);
    }
  }
}
