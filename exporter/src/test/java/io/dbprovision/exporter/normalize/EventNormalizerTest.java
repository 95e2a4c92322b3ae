package io.dbprovision.exporter.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventNormalizerTest {
  private final EventNormalizer normalizer = new EventNormalizer();

  private static EventBuilder coreEvent() {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName("orders.17a")
        .withUid("e-1")
        .withResourceVersion("42")
        .withCreationTimestamp("2026-11-25T10:00:00Z")
        .withLabels(Map.of("l", "v"))
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion("dbops.dbprovision.io/v1alpha1")
        .withKind("Database")
        .withNamespace("apps")
        .withName("orders")
        .withUid("o-1")
        .withResourceVersion("7")
        .endInvolvedObject()
        .withReason("DriftDetected")
        .withMessage("owner differs")
        .withType("Warning")
        .withCount(3)
        .withFirstTimestamp("2026-11-25T10:00:00Z")
        .withLastTimestamp("2026-11-25T10:05:00Z")
        .withNewSource()
        .withComponent("db-provision-operator")
        .withHost("node-1")
        .endSource();
  }

  @Test
  void copiesACoreEvent() throws Exception {
    EventRecord record = normalizer.normalize(coreEvent().build());

    assertThat(record.uid()).isEqualTo("e-1");
    assertThat(record.namespace()).isEqualTo("apps");
    assertThat(record.name()).isEqualTo("orders.17a");
    assertThat(record.labels()).containsEntry("l", "v");
    assertThat(record.reason()).isEqualTo("DriftDetected");
    assertThat(record.message()).isEqualTo("owner differs");
    assertThat(record.type()).isEqualTo("Warning");
    assertThat(record.occurrenceCount()).isEqualTo(3);
    assertThat(record.firstTimestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(record.occurredAt()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
    assertThat(record.component()).isEqualTo("db-provision-operator");
    assertThat(record.sourceHost()).isEqualTo("node-1");
    assertThat(record.involvedObject())
        .isEqualTo(
            new ObjectRef(
                "dbops.dbprovision.io/v1alpha1", "Database", "apps", "orders", "o-1", "7", ""));
    assertThat(record.involvedObject().group()).isEqualTo("dbops.dbprovision.io");
    assertThat(record.involvedMetadata()).isEqualTo(ObjectMetadata.UNKNOWN);
  }

  @Test
  void understandsEventsWrittenThroughEventsK8sIo() throws Exception {
    Event event =
        coreEvent()
            .withCount(null)
            .withFirstTimestamp(null)
            .withLastTimestamp(null)
            .withSource(null)
            .withEventTime(new MicroTime("2026-11-25T10:00:00.250000Z"))
            .withNewSeries()
            .withCount(7)
            .withLastObservedTime(new MicroTime("2026-11-25T10:09:00.500000Z"))
            .endSeries()
            .withReportingComponent("db-provision-operator")
            .withReportingInstance("operator-0")
            .withAction("Reconcile")
            .build();

    EventRecord record = normalizer.normalize(event);

    assertThat(record.occurrenceCount()).isEqualTo(7);
    assertThat(record.eventTime()).isEqualTo(Instant.parse("2026-11-25T10:00:00.250Z"));
    assertThat(record.occurredAt()).isEqualTo(Instant.parse("2026-11-25T10:09:00.500Z"));
    assertThat(record.component()).isEqualTo("db-provision-operator");
    assertThat(record.reportingInstance()).isEqualTo("operator-0");
    assertThat(record.action()).isEqualTo("Reconcile");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          series time wins         | 2026-11-25T10:09:00Z | 2026-11-25T10:05:00Z | 2026-11-25T10:01:00Z | 2026-11-25T10:09:00Z
          then lastTimestamp       |                      | 2026-11-25T10:05:00Z | 2026-11-25T10:01:00Z | 2026-11-25T10:05:00Z
          then eventTime           |                      |                      | 2026-11-25T10:01:00Z | 2026-11-25T10:01:00Z
          then creationTimestamp   |                      |                      |                      | 2026-11-25T10:00:00Z
          """)
  void takesTheLatestKnownTimeAsTheOccurrenceTime(
      String description,
      String seriesTime,
      String lastTimestamp,
      String eventTime,
      String expected)
      throws Exception {
    EventBuilder event = coreEvent().withLastTimestamp(lastTimestamp);
    if (eventTime != null) {
      event.withEventTime(new MicroTime(eventTime));
    }
    if (seriesTime != null) {
      event
          .withNewSeries()
          .withCount(2)
          .withLastObservedTime(new MicroTime(seriesTime))
          .endSeries();
    }

    assertThat(normalizer.normalize(event.build()).occurredAt()).isEqualTo(Instant.parse(expected));
  }

  @Test
  void countsAnEventWithoutACountAsOneOccurrence() throws Exception {
    assertThat(normalizer.normalize(coreEvent().withCount(null).build()).occurrenceCount())
        .isEqualTo(1);
  }

  @Test
  void rejectsAnEventWithoutInvolvedObject() {
    MalformedEventException e =
        catchThrowableOfType(
            MalformedEventException.class,
            () -> normalizer.normalize(coreEvent().withInvolvedObject(null).build()));

    assertThat(e.discardCause()).isEqualTo(DiscardCause.MISSING_INVOLVED_OBJECT);
    assertThat(e.getMessage()).isEqualTo("Event apps/orders.17a has no involvedObject");
  }

  @ParameterizedTest
  @CsvSource({"Error", "warning", "''"})
  void rejectsAnUnknownType(String type) {
    MalformedEventException e =
        catchThrowableOfType(
            MalformedEventException.class,
            () -> normalizer.normalize(coreEvent().withType(type).build()));

    assertThat(e.discardCause()).isEqualTo(DiscardCause.UNKNOWN_TYPE);
  }

  @Test
  void rejectsAnEventWithoutUid() {
    MalformedEventException e =
        catchThrowableOfType(
            MalformedEventException.class,
            () ->
                normalizer.normalize(
                    coreEvent().editMetadata().withUid(null).endMetadata().build()));

    assertThat(e.discardCause()).isEqualTo(DiscardCause.MISSING_UID);
  }

  @Test
  void readsAnUnparseableTimeAsAbsent() throws Exception {
    EventRecord record = normalizer.normalize(coreEvent().withLastTimestamp("yesterday").build());

    assertThat(record.lastTimestamp()).isNull();
    assertThat(record.occurredAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }
}
