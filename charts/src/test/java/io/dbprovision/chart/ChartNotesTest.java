package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code helm install} prints tells the user what runs and what is still missing. */
class ChartNotesTest {

  @Test
  void defaultInstallTellsHowToCreateTheSlackSecret() {
    String notes = Chart.ours().notes(values());

    assertThat(notes)
        .contains("Exporter: the \"exporter\" container of the same Pods.")
        .contains(
            "kubectl -n db-provision-operator-system create secret generic db-provision-slack")
        .contains("--from-literal=webhook-url=")
        .contains("leader election off")
        .contains("watching all namespaces");
  }

  @Test
  void notesFollowTheModeAndTheWatchedNamespaces() {
    String notes =
        Chart.ours()
            .notes(
                values(
                    "exporter.mode",
                    "disabled",
                    "replicaCount",
                    2,
                    "operator.watchNamespaces",
                    java.util.List.of("team-a", "team-b")));

    assertThat(notes)
        .contains("Exporter: disabled.")
        .contains("leader election on")
        .contains("watching team-a, team-b")
        .doesNotContain("create secret");
  }
}
