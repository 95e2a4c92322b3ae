package io.dbprovision.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.events.CatalogEvent;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;

/** Assertions on the Events the operator wrote to the mock API server. */
final class CatalogEvents {
  private CatalogEvents() {}

  /** Every Event is a row of the catalog for its object's kind, with the row's type. */
  static void assertAllInCatalog(List<Event> events) {
    assertThat(events)
        .allSatisfy(
            event -> {
              CatalogEvent row =
                  CatalogEvent.find(event.getInvolvedObject().getKind(), event.getReason())
                      .orElseThrow(
                          () ->
                              new AssertionError(
                                  "not a catalog row: "
                                      + event.getInvolvedObject().getKind()
                                      + " "
                                      + event.getReason()));
              assertThat(event.getType()).isEqualTo(row.type().name());
              assertThat(event.getSource().getComponent()).isEqualTo("db-provision-operator");
            });
  }

  /** The Event shows the row's kind, reason and type and a message containing every fragment. */
  static void assertRow(Event event, CatalogEvent row, String... fragments) {
    assertThat(event.getInvolvedObject().getKind()).isEqualTo(row.kind().kind());
    assertThat(event.getReason()).isEqualTo(row.reason());
    assertThat(event.getType()).isEqualTo(row.type().name());
    assertThat(event.getMessage()).contains(fragments);
  }
}
