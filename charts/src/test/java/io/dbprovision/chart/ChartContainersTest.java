package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.chart.RenderedChart.PodContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container the chart can render is hardened, sized and probed on its real endpoints. */
class ChartContainersTest {
  /** What each container serves, as agreed between the processes and the chart. */
  static final Map<String, Map<String, Integer>> PORTS =
      Map.of(
          "operator", Map.of("metrics", 8080, "health", 8081),
          "exporter", Map.of("exporter", 2112));

  static final Map<String, String> PROBE_PORT =
      Map.of("operator", "health", "exporter", "exporter");

  static List<Scenario> scenarios() {
    return Scenario.all().toList();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyContainerRunsRestricted(Scenario scenario) {
    List<PodContainer> containers = Chart.ours().render(scenario.values()).containers().toList();

    assertThat(containers).isNotEmpty();
    assertThat(containers)
        .allSatisfy(
            c -> {
              SecurityContext sc = c.container().getSecurityContext();
              assertThat(sc).as("%s securityContext", c).isNotNull();
              assertThat(sc.getRunAsNonRoot()).as("%s runAsNonRoot", c).isTrue();
              assertThat(sc.getRunAsUser()).as("%s runAsUser", c).isEqualTo(65532L);
              assertThat(sc.getReadOnlyRootFilesystem())
                  .as("%s readOnlyRootFilesystem", c)
                  .isTrue();
              assertThat(sc.getAllowPrivilegeEscalation())
                  .as("%s privilege escalation", c)
                  .isFalse();
              assertThat(sc.getPrivileged()).as("%s privileged", c).isNotEqualTo(Boolean.TRUE);
              assertThat(sc.getCapabilities().getDrop()).as("%s drops", c).containsExactly("ALL");
              assertThat(sc.getCapabilities().getAdd()).as("%s adds", c).isNullOrEmpty();
              assertThat(sc.getSeccompProfile().getType())
                  .as("%s seccomp", c)
                  .isEqualTo("RuntimeDefault");

              PodSecurityContext pod = c.pod().getSecurityContext();
              assertThat(pod.getRunAsNonRoot()).as("%s pod runAsNonRoot", c).isTrue();
              assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
              assertThat(c.pod().getHostNetwork()).isNotEqualTo(Boolean.TRUE);
              assertThat(c.pod().getHostPID()).isNotEqualTo(Boolean.TRUE);
            });
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void podsUseNothingTheRestrictedProfileForbids(Scenario scenario) {
    Chart.ours()
        .render(scenario.values())
        .containers()
        .forEach(
            c -> {
              assertThat(c.pod().getVolumes())
                  .as("%s volumes are emptyDir or configMap only", c)
                  .allSatisfy(
                      v ->
                          assertThat(v.getEmptyDir() != null || v.getConfigMap() != null)
                              .as("%s volume %s", c, v.getName())
                              .isTrue());
              assertThat(c.container().getPorts())
                  .as("%s host ports", c)
                  .allSatisfy(p -> assertThat(p.getHostPort()).isNull());
              assertThat(c.pod().getHostIPC()).isNotEqualTo(Boolean.TRUE);
            });
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyContainerHasAWritableTmpAndResourceBounds(Scenario scenario) {
    Chart.ours()
        .render(scenario.values())
        .containers()
        .forEach(
            c -> {
              VolumeMount tmp =
                  mount(c.container(), "/tmp")
                      .orElseThrow(() -> new AssertionError(c + " has no /tmp"));
              Volume volume = volume(c, tmp.getName());
              assertThat(volume.getEmptyDir()).as("%s /tmp is an emptyDir", c).isNotNull();
              assertThat(volume.getEmptyDir().getSizeLimit())
                  .as("%s /tmp size limit", c)
                  .isNotNull();

              var resources = c.container().getResources();
              assertThat(resources.getRequests())
                  .as("%s requests", c)
                  .containsKeys("cpu", "memory");
              assertThat(resources.getLimits()).as("%s limits", c).containsKey("memory");
            });
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void probesAskTheRealHealthEndpointsOnTheRightPorts(Scenario scenario) {
    Chart.ours()
        .render(scenario.values())
        .containers()
        .forEach(
            c -> {
              String name = c.container().getName();
              assertThat(PORTS).as("known container %s", c).containsKey(name);
              assertThat(ports(c.container())).as("%s ports", c).isEqualTo(PORTS.get(name));

              String port = PROBE_PORT.get(name);
              assertProbe(c, "liveness", c.container().getLivenessProbe(), "/healthz", port);
              assertProbe(c, "startup", c.container().getStartupProbe(), "/healthz", port);
              assertProbe(c, "readiness", c.container().getReadinessProbe(), "/readyz", port);
            });
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void jvmFlagsFollowTheContainerLimitAndTheExporterUsesTheSerialCollector(Scenario scenario) {
    Chart.ours()
        .render(scenario.values())
        .containers()
        .forEach(
            c -> {
              String options = env(c.container(), "JAVA_TOOL_OPTIONS");
              assertThat(options).as("%s JAVA_TOOL_OPTIONS", c).contains("-XX:MaxRAMPercentage=");
              assertThat(options).doesNotContain("-Xmx");
              if (c.container().getName().equals("exporter")) {
                assertThat(options).contains("-XX:+UseSerialGC");
              }
            });
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void operatorGetsItsAddressesFromTheAgreedVariables(Scenario scenario) {
    Container operator =
        Chart.ours()
            .render(scenario.values())
            .containers()
            .filter(c -> c.container().getName().equals("operator"))
            .findFirst()
            .orElseThrow()
            .container();

    assertThat(env(operator, "DBPROVISION_METRICS_ADDRESS")).isEqualTo(":8080");
    assertThat(env(operator, "DBPROVISION_HEALTH_ADDRESS")).isEqualTo(":8081");
    assertThat(env(operator, "DBPROVISION_DEFAULT_DRIFT_INTERVAL")).isEqualTo("8h");
    assertThat(env(operator, "DBPROVISION_LOG_FORMAT")).isEqualTo("json");
    assertThat(operator.getImage()).isEqualTo("dbprovision/operator:0.1.0");
  }

  private static void assertProbe(
      PodContainer c, String kind, Probe probe, String path, String port) {
    assertThat(probe).as("%s %s probe", c, kind).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as("%s %s path", c, kind).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s %s port", c, kind).isEqualTo(port);
  }

  static Map<String, Integer> ports(Container container) {
    return container.getPorts().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                ContainerPort::getName, ContainerPort::getContainerPort));
  }

  static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
  }

  private static Optional<VolumeMount> mount(Container container, String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst();
  }

  private static Volume volume(PodContainer c, String name) {
    return c.pod().getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(c + " mounts missing volume " + name));
  }
}
