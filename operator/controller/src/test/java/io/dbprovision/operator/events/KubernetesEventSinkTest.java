package io.dbprovision.operator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.testing.TestClock;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The recorder writing to the mock API server through fabric8, as in production. */
@ExtendWith(MockKubernetesExtension.class)
class KubernetesEventSinkTest {
  private final TestClock clock = TestClock.at("2026-11-25T08:00:00Z");
  private KubernetesClient client;
  private String namespace;
  private EventRecorder recorder;

  @BeforeEach
  void start(MockKubernetes kubernetes) {
    client = kubernetes.client();
    namespace = kubernetes.newNamespace("events");
    recorder =
        new EventRecorder(
                new KubernetesEventSink(client, "db-provision-operator", "operator-7d9f-x2"),
                new EventCorrelator(clock),
                new OperatorMetrics(new PrometheusRegistry()),
                clock,
                EventRecorder.DEFAULT_QUEUE_CAPACITY,
                EventRecorder.Retry.CLIENT_GO)
            .start();
  }

  @AfterEach
  void stop() {
    recorder.close();
  }

  private Database createDatabase(String name) {
    Database db = new Database();
    db.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    DatabaseSpec spec = new DatabaseSpec();
    spec.setInstanceRef(new ResourceRef("pg"));
    spec.setName(name);
    db.setSpec(spec);
    return client.resource(db).create();
  }

  /** Events about one object; the mock ignores field selectors, so filter here. */
  private List<Event> eventsAbout(String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private Optional<Event> eventAbout(String name, int count) {
    List<Event> events = eventsAbout(name);
    return events.size() == 1 && events.get(0).getCount() == count
        ? Optional.of(events.get(0))
        : Optional.empty();
  }

  @Test
  void aRepeatedEventRaisesCountAndMovesLastTimestampOnTheServer() {
    Database orders = createDatabase("orders");

    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "permission denied to create");
    await().until(() -> eventAbout("orders", 1).isPresent());
    clock.advance(Duration.ofMinutes(1));
    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "permission denied to create");
    clock.advance(Duration.ofMinutes(1));
    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "permission denied to create");

    Event event = await().until(() -> eventAbout("orders", 3), Optional::isPresent).orElseThrow();
    assertThat(event.getMetadata().getName()).startsWith("orders.");
    assertThat(event.getFirstTimestamp()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(event.getLastTimestamp()).isEqualTo("2026-11-25T08:02:00Z");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getReason()).isEqualTo("CreateFailed");
    assertThat(event.getMessage()).isEqualTo("permission denied to create");
    assertThat(event.getSource().getComponent()).isEqualTo("db-provision-operator");
    assertThat(event.getReportingComponent()).isEqualTo("db-provision-operator");
    assertThat(event.getReportingInstance()).isEqualTo("operator-7d9f-x2");
    var involved = event.getInvolvedObject();
    assertThat(involved.getApiVersion()).isEqualTo("dbops.dbprovision.io/v1alpha1");
    assertThat(involved.getKind()).isEqualTo("Database");
    assertThat(involved.getNamespace()).isEqualTo(namespace);
    assertThat(involved.getName()).isEqualTo("orders");
    assertThat(involved.getUid()).isNotBlank().isEqualTo(orders.getMetadata().getUid());
    assertThat(involved.getResourceVersion()).isEqualTo(orders.getMetadata().getResourceVersion());
  }

  @Test
  void aDifferentMessageIsAnotherEvent() {
    Database orders = createDatabase("invoices");

    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "permission denied");
    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "disk full");

    await().until(() -> eventsAbout("invoices").size() == 2);
    assertThat(eventsAbout("invoices"))
        .extracting(Event::getMessage)
        .containsExactlyInAnyOrder("permission denied", "disk full");
  }

  @Test
  void anEventDeletedOnTheServerIsWrittenAgainWithItsHistory() {
    Database orders = createDatabase("ledger");
    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "permission denied");
    Event first = await().until(() -> eventAbout("ledger", 1), Optional::isPresent).orElseThrow();
    client.v1().events().inNamespace(namespace).withName(first.getMetadata().getName()).delete();
    await().until(() -> eventsAbout("ledger").isEmpty());

    clock.advance(Duration.ofMinutes(3));
    recorder.record(orders, CatalogEvent.DATABASE_CREATE_FAILED, "permission denied");

    Event again = await().until(() -> eventAbout("ledger", 2), Optional::isPresent).orElseThrow();
    assertThat(again.getMetadata().getName()).isEqualTo(first.getMetadata().getName());
    assertThat(again.getFirstTimestamp()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(again.getLastTimestamp()).isEqualTo("2026-11-25T08:03:00Z");
  }

  @Test
  void everyEventOnTheServerHasACatalogReasonForItsKind() {
    for (CatalogEvent event : CatalogEvent.values()) {
      recorder.record(object(event.kind(), "subject"), event, "row " + event.name());
      // The same row on an object of every other kind must not reach the server.
      for (ResourceKind other : ResourceKind.values()) {
        if (other != event.kind()) {
          recorder.record(object(other, "wrong"), event, "row " + event.name());
        }
      }
    }

    await().until(() -> allEvents().size() >= CatalogEvent.values().length);
    List<Event> written = allEvents();
    assertThat(written).hasSize(CatalogEvent.values().length);
    assertThat(written)
        .allSatisfy(
            e -> {
              Optional<CatalogEvent> row =
                  CatalogEvent.find(e.getInvolvedObject().getKind(), e.getReason());
              assertThat(row).as("catalog row for %s", e.getReason()).isPresent();
              assertThat(e.getType()).isEqualTo(row.get().type().name());
              assertThat(e.getInvolvedObject().getName()).isEqualTo("subject");
            });
  }

  private List<Event> allEvents() {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }

  private GenericKubernetesResource object(ResourceKind kind, String name) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(ResourceKind.API_VERSION);
    resource.setKind(kind.kind());
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withUid(kind.shortName() + "-" + name)
            .build());
    return resource;
  }
}
