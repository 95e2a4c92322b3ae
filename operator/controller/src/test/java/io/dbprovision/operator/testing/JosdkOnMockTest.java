package io.dbprovision.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.DatabaseStatus;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.testkit.kubernetes.JosdkOnMock;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the test stack the operator's component tests stand on: JOSDK runs against the CRUD mock
 * API server (with SSA switched off), calls a reconciler, adds its finalizer, patches status,
 * records an Event, and runs cleanup on delete.
 */
@ExtendWith(MockKubernetesExtension.class)
class JosdkOnMockTest {

  /** The smallest reconciler that touches everything a real one does. */
  @ControllerConfiguration(name = "proof")
  static class ProofReconciler implements Reconciler<Database>, Cleaner<Database> {
    final AtomicInteger reconciles = new AtomicInteger();
    final AtomicInteger cleanups = new AtomicInteger();
    final KubernetesClient client;

    ProofReconciler(KubernetesClient client) {
      this.client = client;
    }

    @Override
    public UpdateControl<Database> reconcile(
        Database db, io.javaoperatorsdk.operator.api.reconciler.Context<Database> context) {
      reconciles.incrementAndGet();
      client
          .v1()
          .events()
          .inNamespace(db.getMetadata().getNamespace())
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(db.getMetadata().getName() + ".")
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withApiVersion(db.getApiVersion())
                  .withKind(db.getKind())
                  .withName(db.getMetadata().getName())
                  .withNamespace(db.getMetadata().getNamespace())
                  .withUid(db.getMetadata().getUid())
                  .endInvolvedObject()
                  .withReason("Created")
                  .withType("Normal")
                  .withMessage("proof")
                  .withCount(1)
                  .build())
          .create();
      DatabaseStatus status = new DatabaseStatus();
      status.setPhase(DatabaseStatus.Phase.Ready);
      status.setObservedGeneration(db.getMetadata().getGeneration());
      db.setStatus(status);
      return UpdateControl.patchStatus(db);
    }

    @Override
    public DeleteControl cleanup(
        Database db, io.javaoperatorsdk.operator.api.reconciler.Context<Database> context) {
      cleanups.incrementAndGet();
      return DeleteControl.defaultDelete();
    }
  }

  @Test
  void reconcilesAddsFinalizerPatchesStatusRecordsEventAndCleansUp(MockKubernetes kubernetes) {
    KubernetesClient client = kubernetes.client();
    String ns = kubernetes.newNamespace("proof");
    ProofReconciler reconciler = new ProofReconciler(client);
    Operator operator = new Operator(JosdkOnMock.overrides(client));
    operator.register(reconciler);
    operator.start();
    try {
      Database db = new Database();
      db.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName("orders").build());
      DatabaseSpec spec = new DatabaseSpec();
      spec.setInstanceRef(new ResourceRef("pg"));
      spec.setName("orders");
      db.setSpec(spec);
      client.resource(db).create();

      var orders = client.resources(Database.class).inNamespace(ns).withName("orders");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                Database current = orders.get();
                assertThat(current.getMetadata().getFinalizers()).isNotEmpty();
                assertThat(current.getStatus()).isNotNull();
                assertThat(current.getStatus().getPhase()).isEqualTo(DatabaseStatus.Phase.Ready);
                assertThat(current.getStatus().getObservedGeneration()).isEqualTo(1L);
              });
      assertThat(reconciler.reconciles.get()).isPositive();
      List<Event> events = client.v1().events().inNamespace(ns).list().getItems();
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.getInvolvedObject().getKind()).isEqualTo("Database");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("orders");
                assertThat(e.getReason()).isEqualTo("Created");
              });

      orders.delete();
      await().atMost(Duration.ofSeconds(20)).until(() -> orders.get() == null);
      assertThat(reconciler.cleanups.get()).isEqualTo(1);
    } finally {
      operator.stop();
    }
  }
}
