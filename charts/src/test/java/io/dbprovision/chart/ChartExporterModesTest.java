package io.dbprovision.chart;

import static io.dbprovision.chart.Chart.FULLNAME;
import static io.dbprovision.chart.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three shapes of exporter.mode: sidecar (default), deployment, disabled. */
class ChartExporterModesTest {
  static final String EXPORTER = FULLNAME + "-exporter";

  @Test
  void defaultRunsTheExporterAsASidecarOfTheOperator() {
    RenderedChart chart = Chart.ours().render();

    assertThat(chart.all(Deployment.class))
        .extracting(d -> d.getMetadata().getName())
        .containsExactly(FULLNAME);
    Deployment operator = chart.one(Deployment.class, FULLNAME);
    assertThat(containerNames(operator)).containsExactly("operator", "exporter");
    assertThat(operator.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("kubectl.kubernetes.io/default-container", "operator");
    assertThat(exporterConfigVolume(operator).getConfigMap().getName())
        .isEqualTo(EXPORTER + "-config");
    assertThat(servicePorts(chart.one(Service.class, FULLNAME + "-metrics")))
        .containsExactly("metrics:8080->metrics", "exporter:2112->exporter");
    assertThat(chart.find(ConfigMap.class, EXPORTER + "-config")).isPresent();
  }

  @Test
  void deploymentModeRunsTheExporterInItsOwnPodsWithItsOwnService() {
    RenderedChart chart =
        Chart.ours().render(values("exporter.mode", "deployment", "exporter.replicaCount", 2));

    Deployment operator = chart.one(Deployment.class, FULLNAME);
    Deployment exporter = chart.one(Deployment.class, EXPORTER);
    assertThat(containerNames(operator)).containsExactly("operator");
    assertThat(containerNames(exporter)).containsExactly("exporter");
    assertThat(exporter.getSpec().getReplicas()).isEqualTo(2);
    assertThat(exporter.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(EXPORTER);
    assertThat(operator.getSpec().getTemplate().getSpec().getVolumes())
        .extracting(Volume::getName)
        .containsExactly("tmp");
    assertThat(exporterConfigVolume(exporter).getConfigMap().getName())
        .isEqualTo(EXPORTER + "-config");
    assertThat(servicePorts(chart.one(Service.class, FULLNAME + "-metrics")))
        .containsExactly("metrics:8080->metrics");
    assertThat(servicePorts(chart.one(Service.class, EXPORTER + "-metrics")))
        .containsExactly("exporter:2112->exporter");
  }

  @Test
  void disabledRendersNoExporterAnywhere() {
    RenderedChart chart = Chart.ours().render(values("exporter.mode", "disabled"));

    assertThat(chart.all(Deployment.class)).hasSize(1);
    assertThat(containerNames(chart.one(Deployment.class, FULLNAME))).containsExactly("operator");
    assertThat(chart.resources())
        .noneMatch(r -> r.getMetadata().getName().contains("exporter"))
        .noneMatch(
            r ->
                r.getMetadata().getLabels() != null
                    && "exporter"
                        .equals(r.getMetadata().getLabels().get("app.kubernetes.io/component")));
    assertThat(servicePorts(chart.one(Service.class, FULLNAME + "-metrics")))
        .containsExactly("metrics:8080->metrics");
  }

  @Test
  void exporterListensWhereTheChartProbesAndScrapesIt() {
    Container exporter =
        Chart.ours()
            .render(values("exporter.port", 9300))
            .containers()
            .filter(c -> c.container().getName().equals("exporter"))
            .findFirst()
            .orElseThrow()
            .container();

    assertThat(exporter.getArgs())
        .containsExactly(
            "run",
            "--config",
            "/etc/db-provision-exporter/config.yaml",
            "--metrics-address",
            ":9300");
    assertThat(ChartContainersTest.ports(exporter)).containsEntry("exporter", 9300);
    assertThat(exporter.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/etc/db-provision-exporter");
              assertThat(m.getReadOnly()).isTrue();
              assertThat(m.getSubPath()).as("subPath mounts never see ConfigMap updates").isNull();
            });
  }

  @Test
  void strictModePassesTheFlag() {
    Container exporter =
        Chart.ours()
            .render(values("exporter.strict", true))
            .containers()
            .filter(c -> c.container().getName().equals("exporter"))
            .findFirst()
            .orElseThrow()
            .container();

    assertThat(exporter.getArgs()).endsWith("--strict");
  }

  private static List<String> containerNames(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .map(Container::getName)
        .toList();
  }

  private static Volume exporterConfigVolume(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getName().equals("exporter-config"))
        .findFirst()
        .orElseThrow();
  }

  static List<String> servicePorts(Service service) {
    return service.getSpec().getPorts().stream().map(ChartExporterModesTest::describe).toList();
  }

  private static String describe(ServicePort port) {
    return port.getName() + ":" + port.getPort() + "->" + port.getTargetPort().getStrVal();
  }
}
