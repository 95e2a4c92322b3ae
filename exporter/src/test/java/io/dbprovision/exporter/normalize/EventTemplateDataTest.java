package io.dbprovision.exporter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTemplateDataTest {

  private static EventRecord record() throws Exception {
    return new EventNormalizer()
        .normalize(
            new EventBuilder()
                .withNewMetadata()
                .withNamespace("apps")
                .withName("orders.17a")
                .withUid("e-1")
                .withResourceVersion("42")
                .withCreationTimestamp("2026-11-25T10:00:00Z")
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("dbops.dbprovision.io/v1alpha1")
                .withKind("Database")
                .withNamespace("apps")
                .withName("orders")
                .withUid("o-1")
                .endInvolvedObject()
                .withReason("DriftDetected")
                .withMessage("owner differs")
                .withType("Warning")
                .withCount(3)
                .withFirstTimestamp("2026-11-25T10:00:01Z")
                .withLastTimestamp("2026-11-25T10:05:00Z")
                .withNewSource()
                .withComponent("db-provision-operator")
                .endSource()
                .build())
        .withInvolvedMetadata(
            new ObjectMetadata(
                Map.of("team", "dba"),
                Map.of(),
                List.of(new OwnerRef("v1", "Namespace", "apps", "n-1", true, false)),
                false));
  }

  @Test
  void exposesTheGoToolsFieldNames() throws Exception {
    Map<String, Object> data = EventTemplateData.of(record(), "prod-eu");

    assertThat(data)
        .containsEntry("Name", "orders.17a")
        .containsEntry("Namespace", "apps")
        .containsEntry("UID", "e-1")
        .containsEntry("ResourceVersion", "42")
        .containsEntry("Reason", "DriftDetected")
        .containsEntry("Message", "owner differs")
        .containsEntry("Type", "Warning")
        .containsEntry("Count", 3L)
        .containsEntry("ClusterName", "prod-eu")
        .containsEntry("FirstTimestamp", "2026-11-25 10:00:01 +0000 UTC")
        .containsEntry("LastTimestamp", "2026-11-25 10:05:00 +0000 UTC")
        .containsEntry("EventTime", "0001-01-01 00:00:00 +0000 UTC")
        .containsEntry("Series", null)
        .containsEntry("Related", null)
        .containsEntry("Source", Map.of("Component", "db-provision-operator", "Host", ""))
        .containsEntry("GetTimestampMs", Instant.parse("2026-11-25T10:00:01Z").toEpochMilli())
        .containsEntry("GetTimestampISO8601", "2026-11-25T10:00:01.000Z");
    @SuppressWarnings("unchecked")
    Map<String, Object> involved = (Map<String, Object>) data.get("InvolvedObject");
    assertThat(involved)
        .containsEntry("Kind", "Database")
        .containsEntry("Name", "orders")
        .containsEntry("Namespace", "apps")
        .containsEntry("UID", "o-1")
        .containsEntry("APIVersion", "dbops.dbprovision.io/v1alpha1")
        .containsEntry("Labels", Map.of("team", "dba"))
        .containsEntry("Annotations", Map.of())
        .containsEntry("Deleted", false)
        .containsEntry(
            "OwnerReferences",
            List.of(
                Map.of(
                    "APIVersion", "v1",
                    "Kind", "Namespace",
                    "Name", "apps",
                    "UID", "n-1",
                    "Controller", true,
                    "BlockOwnerDeletion", false)));
  }

  @Test
  void timestampsFallBackToEventTimeAsTheGoToolDoes() {
    EventRecord series =
        TestEvents.event()
            .eventTime(Instant.parse("2026-11-25T10:00:00.123456Z"))
            .seriesCount(4)
            .seriesLastObservedTime(Instant.parse("2026-11-25T10:09:00Z"))
            .build();

    Map<String, Object> data = EventTemplateData.of(series, "");

    assertThat(data)
        .containsEntry("GetTimestampISO8601", "2026-11-25T10:00:00.123Z")
        .containsEntry("EventTime", "2026-11-25 10:00:00.123456 +0000 UTC")
        .containsEntry(
            "Series", Map.of("Count", 4L, "LastObservedTime", "2026-11-25 10:09:00 +0000 UTC"));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-02T03:04:05Z, 2026-01-02 03:04:05 +0000 UTC",
    "2026-01-02T03:04:05.5Z, 2026-01-02 03:04:05.5 +0000 UTC",
    "2026-01-02T03:04:05.000000120Z, 2026-01-02 03:04:05.00000012 +0000 UTC"
  })
  void printsTimesAsGoDoes(String time, String printed) {
    assertThat(EventTemplateData.goTime(Instant.parse(time))).isEqualTo(printed);
  }
}
