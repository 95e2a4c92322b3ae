package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claims listed in {@code operator.backupClaims} are mounted where the operator looks for
 * {@code storage.pvc.claimName} ({@code DBPROVISION_BACKUP_VOLUMES/<claimName>}).
 */
class ChartBackupClaimsTest {
  private static final String ROOT = "/var/lib/db-provision/backups";

  @Test
  void eachListedClaimIsMountedUnderTheOperatorsBackupRoot() {
    PodSpec pod =
        operatorPod(
            values(
                "operator.backupClaims",
                List.of(
                    Map.of("claimName", "db-backups"),
                    Map.of("claimName", "archive", "readOnly", true))));
    Container operator = operatorContainer(pod);

    assertThat(env(operator, "DBPROVISION_BACKUP_VOLUMES")).isEqualTo(ROOT);
    assertThat(env(operator, "DBPROVISION_BACKUP_WORKERS")).isEqualTo("2");
    assertThat(operator.getVolumeMounts())
        .filteredOn(mount -> mount.getMountPath().startsWith(ROOT))
        .extracting(VolumeMount::getName, VolumeMount::getMountPath, VolumeMount::getReadOnly)
        .containsExactly(
            tuple("backup-db-backups", ROOT + "/db-backups", false),
            tuple("backup-archive", ROOT + "/archive", true));
    assertThat(pod.getVolumes())
        .filteredOn(volume -> volume.getPersistentVolumeClaim() != null)
        .extracting(Volume::getName, v -> v.getPersistentVolumeClaim().getClaimName())
        .containsExactly(
            tuple("backup-db-backups", "db-backups"), tuple("backup-archive", "archive"));
  }

  @Test
  void noClaimsByDefault() {
    PodSpec pod = operatorPod(Map.of());
    assertThat(pod.getVolumes()).noneMatch(volume -> volume.getPersistentVolumeClaim() != null);
    assertThat(operatorContainer(pod).getVolumeMounts())
        .noneMatch(mount -> mount.getMountPath().startsWith(ROOT));
  }

  private static PodSpec operatorPod(Map<String, Object> values) {
    return Chart.ours().render(values).all(Deployment.class).stream()
        .map(deployment -> deployment.getSpec().getTemplate().getSpec())
        .filter(pod -> pod.getContainers().stream().anyMatch(c -> c.getName().equals("operator")))
        .findFirst()
        .orElseThrow();
  }

  private static Container operatorContainer(PodSpec pod) {
    return pod.getContainers().stream()
        .filter(c -> c.getName().equals("operator"))
        .findFirst()
        .orElseThrow();
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not set"));
  }
}
