package io.dbprovision.exporter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.exporter.normalize.EventNormalizer;
import io.dbprovision.exporter.normalize.EventRecord;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import org.junit.jupiter.api.Test;

class CompactEventStoreTest {
  private final CompactEventStore store = new CompactEventStore();

  private static Event event(String name, String resourceVersion, int count) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace("team-a")
        .withName(name)
        .withUid("uid-" + name)
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion("dbops.dbprovision.io/v1alpha1")
        .withKind("Database")
        .withNamespace("team-a")
        .withName("orders")
        .withUid("db-1")
        .endInvolvedObject()
        .withType("Warning")
        .withReason("ConnectionFailed")
        .withMessage("a long message the cache has no use for")
        .withCount(count)
        .build();
  }

  @Test
  void keysEventsByNamespaceAndNameAndHandsBackThePreviousOne() {
    Event first = event("orders.1", "10", 1);

    assertThat(store.put(store.getKey(first), first)).isNull();
    Event previous = store.put("team-a/orders.1", event("orders.1", "11", 2));

    assertThat(store.getKey(first)).isEqualTo("team-a/orders.1");
    assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("10");
    assertThat(store.get("team-a/orders.1").getMetadata().getResourceVersion()).isEqualTo("11");
    assertThat(store.keySet()).containsExactly("team-a/orders.1");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void keepsWhatADeletionNeedsAndDropsTheRest() throws Exception {
    store.put("team-a/orders.1", event("orders.1", "10", 3));

    Event removed = store.remove("team-a/orders.1");
    EventRecord record = new EventNormalizer().normalize(removed);

    assertThat(record.uid()).isEqualTo("uid-orders.1");
    assertThat(record.namespace()).isEqualTo("team-a");
    assertThat(record.name()).isEqualTo("orders.1");
    assertThat(record.involvedObject().name()).isEqualTo("orders");
    assertThat(removed.getMessage()).as("not kept").isNull();
    assertThat(store.size()).isZero();
    assertThat(store.remove("team-a/orders.1")).isNull();
  }
}
