package io.dbprovision.testkit.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockKubernetesExtension.class)
class MockKubernetesTest {

  static Database database(String namespace, String name) {
    Database db = new Database();
    db.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    DatabaseSpec spec = new DatabaseSpec();
    spec.setInstanceRef(new ResourceRef("pg"));
    spec.setName("app");
    db.setSpec(spec);
    return db;
  }

  @Test
  void servesTheOperatorsCrds(MockKubernetes kubernetes) {
    assertThat(
            kubernetes.client().apiextensions().v1().customResourceDefinitions().list().getItems())
        .extracting(crd -> crd.getMetadata().getName())
        .contains(
            "databaseinstances.dbops.dbprovision.io",
            "databasebackupschedules.dbops.dbprovision.io")
        .hasSize(8);
  }

  @Test
  void storesCustomResourcesAndTheirStatusSubresource(MockKubernetes kubernetes) {
    KubernetesClient client = kubernetes.client();
    String ns = kubernetes.newNamespace("crud");
    Database created = client.resource(database(ns, "orders")).create();

    DatabaseStatus status = new DatabaseStatus();
    status.setPhase(DatabaseStatus.Phase.Ready);
    status.setObservedGeneration(created.getMetadata().getGeneration());
    created.setStatus(status);
    client.resource(created).patchStatus();

    Database read = client.resources(Database.class).inNamespace(ns).withName("orders").get();
    assertThat(read.getSpec().getName()).isEqualTo("app");
    assertThat(read.getStatus().getPhase()).isEqualTo(DatabaseStatus.Phase.Ready);
  }

  @Test
  void keepsObjectsWithFinalizersUntilTheFinalizerIsRemoved(MockKubernetes kubernetes) {
    KubernetesClient client = kubernetes.client();
    String ns = kubernetes.newNamespace("fin");
    Database db = database(ns, "kept");
    db.getMetadata().setFinalizers(List.of("dbops.dbprovision.io/finalizer"));
    client.resource(db).create();

    client.resources(Database.class).inNamespace(ns).withName("kept").delete();
    Database terminating = client.resources(Database.class).inNamespace(ns).withName("kept").get();
    assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();

    terminating.getMetadata().setFinalizers(List.of());
    client.resource(terminating).patch();
    assertThat(client.resources(Database.class).inNamespace(ns).withName("kept").get()).isNull();
  }

  @Test
  void storesEventsAndTheirCount(MockKubernetes kubernetes) {
    KubernetesClient client = kubernetes.client();
    String ns = kubernetes.newNamespace("ev");
    client
        .v1()
        .events()
        .inNamespace(ns)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("orders.1")
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Database")
                .withName("orders")
                .withNamespace(ns)
                .endInvolvedObject()
                .withReason("Created")
                .withType("Normal")
                .withCount(1)
                .build())
        .create();
    client
        .v1()
        .events()
        .inNamespace(ns)
        .withName("orders.1")
        .edit(
            e -> {
              e.setCount(4);
              return e;
            });

    assertThat(client.v1().events().inNamespace(ns).withName("orders.1").get().getCount())
        .isEqualTo(4);
  }

  @Test
  void rejectsServerSideApplyWhichIsWhyJosdkNeedsItOff(MockKubernetes kubernetes) {
    KubernetesClient client = kubernetes.client();
    String ns = kubernetes.newNamespace("ssa");
    client.resource(database(ns, "applied")).create();

    assertThatThrownBy(
            () ->
                client
                    .resource(database(ns, "applied"))
                    .fieldManager("test")
                    .forceConflicts()
                    .serverSideApply())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(415));
  }
}
