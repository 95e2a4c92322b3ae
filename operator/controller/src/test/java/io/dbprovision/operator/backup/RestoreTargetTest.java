package io.dbprovision.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.DatabaseRestoreSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.RestoreConfirmation;
import io.dbprovision.api.v1alpha1.RestoreTargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestoreTargetTest {
  private static DatabaseRestoreSpec spec(
      String backup,
      Boolean inPlace,
      String instance,
      String databaseName,
      String database,
      String confirmation) {
    DatabaseRestoreSpec spec = new DatabaseRestoreSpec();
    spec.setBackupRef(backup == null ? null : new ResourceRef(backup));
    RestoreTargetSpec target = new RestoreTargetSpec();
    target.setInPlace(inPlace);
    target.setInstanceRef(instance == null ? null : new ResourceRef(instance));
    target.setDatabaseName(databaseName);
    target.setDatabaseRef(database == null ? null : new ResourceRef(database));
    spec.setTarget(target);
    if (confirmation != null) {
      RestoreConfirmation consent = new RestoreConfirmation();
      consent.setAcknowledgeDataLoss(confirmation);
      spec.setConfirmation(consent);
    }
    return spec;
  }

  @Test
  void restoresIntoANewDatabaseOnAnInstance() {
    RestoreTarget target = RestoreTarget.of(spec("nightly", null, "pg", "orders_copy", null, null));

    assertThat(target.inPlace()).isFalse();
    assertThat(target.instanceRef().getName()).isEqualTo("pg");
    assertThat(target.databaseName()).isEqualTo("orders_copy");
  }

  @Test
  void restoresInPlaceOnlyWithTheConfirmation() {
    RestoreTarget target =
        RestoreTarget.of(spec("nightly", true, null, null, "orders", "I-UNDERSTAND-DATA-LOSS"));

    assertThat(target.inPlace()).isTrue();
    assertThat(target.databaseRef().getName()).isEqualTo("orders");
  }

  @ParameterizedTest(name = "{6}")
  @CsvSource({
    ",        ,     pg, copy, ,       ,                       spec.backupRef.name is required",
    "nightly, true, ,   ,     orders, ,                       set spec.confirmation.acknowledgeDataLoss to I-UNDERSTAND-DATA-LOSS",
    "nightly, true, ,   ,     orders, i-understand-data-loss, set spec.confirmation.acknowledgeDataLoss to I-UNDERSTAND-DATA-LOSS",
    "nightly, true, ,   ,     ,       I-UNDERSTAND-DATA-LOSS, needs spec.target.databaseRef.name",
    "nightly, true, pg, ,     orders, I-UNDERSTAND-DATA-LOSS, takes spec.target.databaseRef only",
    "nightly, ,     ,   copy, ,       ,                       needs spec.target.instanceRef.name",
    "nightly, ,     pg, ,     ,       ,                       needs spec.target.databaseName",
    "nightly, false, pg, copy, orders, ,                      only used with spec.target.inPlace: true",
  })
  void refusesATargetItCannotRestoreIntoSafely(
      String backup,
      Boolean inPlace,
      String instance,
      String databaseName,
      String database,
      String confirmation,
      String message) {
    assertThatThrownBy(
            () ->
                RestoreTarget.of(
                    spec(backup, inPlace, instance, databaseName, database, confirmation)))
        .isInstanceOf(InvalidRestoreException.class)
        .hasMessageContaining(message);
  }
}
