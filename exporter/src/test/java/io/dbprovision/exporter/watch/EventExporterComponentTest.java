package io.dbprovision.exporter.watch;

import static io.dbprovision.exporter.metrics.Scrape.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.ObjectRef;
import io.dbprovision.exporter.pipeline.Decision;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exporter's first half end to end against the mock API server: Events written through the API
 * are counted as occurrences, routed by the events reference's configuration, and a restart counts
 * nothing twice.
 */
@ExtendWith(MockKubernetesExtension.class)
class EventExporterComponentTest {
  /** The events reference's example route: Warnings to Slack, Normal dropped. */
  private static final String SEED_CONFIG =
      """
      route:
        routes:
          - match:
              - receiver: "slack"
            drop:
              - type: "Normal"
      receivers:
        - name: "slack"
          slack:
            endpoint: "https://hooks.slack.com/services/T0/B0/x"
            message: "{{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }}: {{ .Reason }}"
      """;

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private MockKubernetes kubernetes;
  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void namespace(MockKubernetes kubernetes) {
    this.kubernetes = kubernetes;
    this.client = kubernetes.client();
    this.namespace = kubernetes.newNamespace("exporter");
  }

  private RunningExporter exporter(String config) throws Exception {
    return new RunningExporter(kubernetes.newClient(), config, clock);
  }

  private void createDatabase(String name) {
    client
        .genericKubernetesResources(OperatorObjects.context(ResourceKind.DATABASE))
        .inNamespace(namespace)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(ResourceKind.API_VERSION)
                .withKind("Database")
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(Map.of("team", "dba"))
                .endMetadata()
                .build())
        .create();
  }

  private Event createEvent(String name, String object, String reason, String type, int count) {
    return createEvent(name, object, reason, type, count, clock.instant());
  }

  private Event createEvent(
      String name, String object, String reason, String type, int count, Instant at) {
    String now = at.toString();
    return client
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withUid(UUID.randomUUID().toString())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(ResourceKind.API_VERSION)
                .withKind("Database")
                .withNamespace(namespace)
                .withName(object)
                .endInvolvedObject()
                .withReason(reason)
                .withMessage(reason + " on " + object)
                .withType(type)
                .withCount(count)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withNewSource()
                .withComponent("db-provision-operator")
                .endSource()
                .build())
        .create();
  }

  private void raiseCount(String name, int count) {
    String now = clock.instant().toString();
    client
        .v1()
        .events()
        .inNamespace(namespace)
        .withName(name)
        .edit(
            e -> {
              e.setCount(count);
              e.setLastTimestamp(now);
              return e;
            });
  }

  private String eventsTotal(String metric, String object, String reason, String type) {
    return series(
        metric,
        "namespace",
        namespace,
        "involved_object_kind",
        "Database",
        "involved_object_name",
        object,
        "reason",
        reason,
        "type",
        type);
  }

  @Test
  void countsAndRoutesEveryOccurrenceOfARepeatedEvent() throws Exception {
    createDatabase("orders");
    try (RunningExporter exporter = exporter(SEED_CONFIG)) {
      createEvent("orders.drift", "orders", "DriftDetected", "Warning", 1);
      await().until(() -> exporter.receiver.decisions().size() == 1);

      raiseCount("orders.drift", 4);
      await().until(() -> exporter.receiver.decisions().size() == 2);

      assertThat(exporter.receiver.decisions())
          .extracting(Decision::occurrences)
          .containsExactly(1, 3);
      Decision last = exporter.receiver.decisions().get(1);
      assertThat(last.receiverNames()).containsExactly("slack");
      assertThat(last.event().occurrenceCount()).isEqualTo(4);
      assertThat(last.event().involvedMetadata().labels()).containsEntry("team", "dba");
      assertThat(exporter.scrape().samples)
          .containsEntry(
              eventsTotal("dbprovision_events_total", "orders", "DriftDetected", "Warning"), 4.0)
          .containsEntry(
              eventsTotal("kubernetes_events_total", "orders", "DriftDetected", "Warning"), 4.0)
          .containsEntry(
              eventsTotal("dbprovision_events_total", "orders", "Created", "Normal"), 0.0);
    }
  }

  @Test
  void countsNormalEventsButRoutesThemByPolicy() throws Exception {
    createDatabase("billing");
    try (RunningExporter exporter = exporter(SEED_CONFIG)) {
      createEvent("billing.created", "billing", "Created", "Normal", 2);
      createEvent("billing.failed", "billing", "CreateFailed", "Warning", 1);

      await()
          .until(
              () ->
                  exporter
                          .scrape()
                          .samples
                          .get(
                              eventsTotal(
                                  "dbprovision_events_total", "billing", "CreateFailed", "Warning"))
                      == 1.0);
      assertThat(exporter.scrape().samples)
          .containsEntry(
              eventsTotal("dbprovision_events_total", "billing", "Created", "Normal"), 2.0);
      assertThat(exporter.receiver.decisions())
          .singleElement()
          .satisfies(d -> assertThat(d.event().reason()).isEqualTo("CreateFailed"));
    }
  }

  @Test
  void aRestartDoesNotCountOrRouteTheSameOccurrencesAgain() throws Exception {
    createDatabase("orders");
    try (RunningExporter first = exporter(SEED_CONFIG)) {
      createEvent("orders.conn", "orders", "ReconcileFailed", "Warning", 1);
      await().until(() -> first.receiver.decisions().size() == 1);
      raiseCount("orders.conn", 4);
      await().until(() -> first.receiver.decisions().size() == 2);
    }

    try (RunningExporter second = exporter(SEED_CONFIG)) {
      // Whatever the restart re-counted would be processed before this later change.
      raiseCount("orders.conn", 5);
      await().until(() -> !second.receiver.decisions().isEmpty());

      assertThat(second.receiver.decisions())
          .singleElement()
          .satisfies(d -> assertThat(d.occurrences()).isEqualTo(1));
      assertThat(second.scrape().samples)
          .containsEntry(
              eventsTotal("dbprovision_events_total", "orders", "ReconcileFailed", "Warning"), 1.0);
    }
  }

  @Test
  void countsTheRiseOfSeriesCountsOfEventsK8sIoStyleEvents() throws Exception {
    try (RunningExporter exporter = exporter(SEED_CONFIG)) {
      String now = clock.instant().toString();
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName("pg-main.health")
                  .withNamespace(namespace)
                  .withUid(UUID.randomUUID().toString())
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withApiVersion(ResourceKind.API_VERSION)
                  .withKind("DatabaseInstance")
                  .withNamespace(namespace)
                  .withName("pg-main")
                  .endInvolvedObject()
                  .withReason("HealthCheckFailed")
                  .withType("Warning")
                  .withEventTime(new MicroTime(now))
                  .withNewSeries()
                  .withCount(2)
                  .withLastObservedTime(new MicroTime(now))
                  .endSeries()
                  .withReportingComponent("db-provision-operator")
                  .withReportingInstance("operator-0")
                  .build())
          .create();
      await().until(() -> exporter.receiver.decisions().size() == 1);

      client
          .v1()
          .events()
          .inNamespace(namespace)
          .withName("pg-main.health")
          .edit(
              e -> {
                e.getSeries().setCount(5);
                return e;
              });
      await().until(() -> exporter.receiver.decisions().size() == 2);

      assertThat(exporter.receiver.decisions())
          .extracting(Decision::occurrences)
          .containsExactly(2, 3);
      assertThat(exporter.receiver.decisions().get(1).event().component())
          .isEqualTo("db-provision-operator");
    }
  }

  @Test
  void anEventFirstSeenLongAfterItHappenedIsBaselineNotAnAlert() throws Exception {
    try (RunningExporter exporter = exporter(SEED_CONFIG)) {
      createEvent(
          "orders.old",
          "orders",
          "ConnectionFailed",
          "Warning",
          7,
          clock.instant().minus(Duration.ofHours(1)));
      createEvent("orders.new", "orders", "ConnectionFailed", "Warning", 1);

      await().until(() -> exporter.receiver.decisions().size() == 1);
      assertThat(exporter.receiver.decisions().get(0).event().name()).isEqualTo("orders.new");
      raiseCount("orders.old", 8);
      await().until(() -> exporter.receiver.decisions().size() == 2);
      assertThat(exporter.receiver.decisions().get(1).occurrences())
          .as("later rises of a baseline Event count")
          .isEqualTo(1);
    }
  }

  @Test
  void discardsAMalformedEventAndCarriesOn() throws Exception {
    try (RunningExporter exporter = exporter(SEED_CONFIG)) {
      createEvent("orders.odd", "orders", "Strange", "Error", 1);
      createEvent("orders.fine", "orders", "ConnectionFailed", "Warning", 1);

      await().until(() -> exporter.receiver.decisions().size() == 1);
      assertThat(exporter.receiver.decisions().get(0).event().reason())
          .isEqualTo("ConnectionFailed");
      assertThat(exporter.scrape().samples)
          .containsEntry(
              series("dbprovision_exporter_events_discarded_total", "cause", "unknown_type"), 1.0);
    }
  }

  @Test
  void watchesOnlyTheConfiguredNamespaces() throws Exception {
    String other = kubernetes.newNamespace("elsewhere");
    try (RunningExporter exporter = exporter("namespaces: [" + other + "]\n" + SEED_CONFIG)) {
      createEvent("orders.ignored", "orders", "ConnectionFailed", "Warning", 1);
      String mine = namespace;
      namespace = other;
      createEvent("orders.seen", "orders", "ConnectionFailed", "Warning", 1);
      namespace = mine;

      await().until(() -> exporter.receiver.decisions().size() == 1);
      assertThat(exporter.receiver.decisions().get(0).event().namespace()).isEqualTo(other);
    }
  }

  @Test
  void removesTheSeriesOfADeletedObjectAfterTheGracePeriod() throws Exception {
    createDatabase("temp");
    try (RunningExporter exporter = exporter(SEED_CONFIG)) {
      String created = eventsTotal("dbprovision_events_total", "temp", "Created", "Normal");
      assertThat(exporter.scrape().samples).containsEntry(created, 0.0);

      client
          .genericKubernetesResources(OperatorObjects.context(ResourceKind.DATABASE))
          .inNamespace(namespace)
          .withName("temp")
          .delete();
      await()
          .until(
              () ->
                  exporter
                      .operatorObjects
                      .lookup(
                          new ObjectRef(
                              ResourceKind.API_VERSION, "Database", namespace, "temp", "", "", ""))
                      .orElseThrow()
                      .deleted());
      clock.advance(Duration.ofMinutes(10));
      exporter.metrics.removeExpiredSeries();

      assertThat(exporter.scrape().samples).doesNotContainKey(created);
    }
  }
}
