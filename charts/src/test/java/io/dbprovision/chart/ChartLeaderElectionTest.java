package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two operator replicas must never reconcile at once: leader election follows replicaCount. */
class ChartLeaderElectionTest {

  @ParameterizedTest(name = "replicas={0} force={1} -> {2}")
  @CsvSource({
    "1, false, false",
    "2, false, true",
    "3, false, true",
    "1, true, true",
    "0, false, false"
  })
  void leaderElectionIsOnWheneverTwoOperatorsCouldRun(
      int replicas, boolean force, boolean expected) {
    Container operator =
        operator(values("replicaCount", replicas, "operator.leaderElection.force", force));

    assertThat(env(operator, "DBPROVISION_LEADER_ELECTION").map(EnvVar::getValue))
        .contains(String.valueOf(expected));
    assertThat(env(operator, "DBPROVISION_LEADER_ELECTION_ID").isPresent()).isEqualTo(expected);
  }

  @Test
  void theLeaseLivesInThePodsNamespaceUnderTheNameTheRoleAllows() {
    Container operator =
        operator(values("replicaCount", 2, "operator.leaderElection.id", "dbp-leader"));

    assertThat(env(operator, "DBPROVISION_LEADER_ELECTION_ID").map(EnvVar::getValue))
        .contains("dbp-leader");
    assertThat(
            env(operator, "DBPROVISION_LEADER_ELECTION_NAMESPACE")
                .orElseThrow()
                .getValueFrom()
                .getFieldRef()
                .getFieldPath())
        .isEqualTo("metadata.namespace");
    var role =
        Chart.ours()
            .render(values("replicaCount", 2, "operator.leaderElection.id", "dbp-leader"))
            .one(
                io.fabric8.kubernetes.api.model.rbac.Role.class,
                Chart.FULLNAME + "-operator-leader-election");
    assertThat(Permission.expand(role.getRules()))
        .filteredOn(p -> !p.verb().equals("create"))
        .allSatisfy(p -> assertThat(p.resourceName()).isEqualTo("dbp-leader"));
  }

  private static Container operator(Map<String, Object> values) {
    return Chart.ours()
        .render(values)
        .containers()
        .filter(c -> c.container().getName().equals("operator"))
        .findFirst()
        .orElseThrow()
        .container();
  }

  private static Optional<EnvVar> env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
  }
}
