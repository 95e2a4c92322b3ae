package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Images cannot be built here (no Docker engine), so their Dockerfiles are read and held against
 * the chart and the agreed contracts: repository, tag, user, ports, jar paths and JVM flags.
 */
class ChartImagesTest {

  enum Image {
    OPERATOR(
        "operator/controller/Dockerfile",
        "operator",
        "dbprovision/operator",
        "operator/controller/target/db-provision-operator.jar"),
    EXPORTER(
        "exporter/Dockerfile",
        "exporter",
        "dbprovision/exporter",
        "exporter/target/db-provision-exporter.jar");

    final String dockerfile;
    final String container;
    final String repository;
    final String jar;

    Image(String dockerfile, String container, String repository, String jar) {
      this.dockerfile = dockerfile;
      this.container = container;
      this.repository = repository;
      this.jar = jar;
    }

    Dockerfile read() throws IOException {
      return Dockerfile.read(Repository.root().resolve(dockerfile));
    }

    Container rendered() {
      // Deployment mode renders both images in their own Pods.
      return Chart.ours()
          .render(Chart.values("exporter.mode", "deployment"))
          .containers()
          .filter(c -> c.container().getName().equals(container))
          .findFirst()
          .orElseThrow()
          .container();
    }
  }

  @ParameterizedTest
  @EnumSource(Image.class)
  void imageIsTheTemurin17JreRunningAsTheChartsUser(Image image) throws IOException {
    Dockerfile dockerfile = image.read();
    Container container = image.rendered();

    assertThat(dockerfile.only("FROM")).startsWith("eclipse-temurin:17-jre");
    assertThat(dockerfile.only("USER")).isEqualTo("65532:65532");
    assertThat(container.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(container.getSecurityContext().getRunAsGroup()).isEqualTo(65532L);
  }

  @ParameterizedTest
  @EnumSource(Image.class)
  void imageExposesExactlyThePortsTheChartUses(Image image) throws IOException {
    List<Integer> exposed =
        Arrays.stream(image.read().only("EXPOSE").split("\\s+"))
            .map(p -> Integer.valueOf(p.replace("/tcp", "")))
            .toList();

    assertThat(exposed)
        .containsExactlyInAnyOrderElementsOf(ChartContainersTest.ports(image.rendered()).values());
  }

  @ParameterizedTest
  @EnumSource(Image.class)
  void imageRunsTheAgreedJar(Image image) throws IOException {
    Dockerfile dockerfile = image.read();
    String jarName = image.jar.substring(image.jar.lastIndexOf('/') + 1);
    String installed = "/opt/db-provision/" + jarName;

    assertThat(dockerfile.only("COPY")).isEqualTo(image.jar + " " + installed);
    assertThat(dockerfile.execForm("ENTRYPOINT")).containsExactly("java", "-jar", installed);
    assertThat(Files.readString(Repository.root().resolve(image.dockerfile + ".dockerignore")))
        .contains("\n*\n")
        .contains("!" + image.jar);
  }

  @ParameterizedTest
  @EnumSource(Image.class)
  void imageAndChartCarryTheSameJvmFlags(Image image) throws IOException {
    String env = image.read().only("ENV");
    Matcher flags = Pattern.compile("^JAVA_TOOL_OPTIONS=\"(.*)\"$").matcher(env);
    assertThat(flags.matches()).as("ENV %s", env).isTrue();

    assertThat(ChartContainersTest.env(image.rendered(), "JAVA_TOOL_OPTIONS"))
        .isEqualTo(flags.group(1));
  }

  @ParameterizedTest
  @EnumSource(Image.class)
  void chartPullsTheImageRepositoryAtTheChartsAppVersion(Image image) throws IOException {
    String label = image.read().only("LABEL");

    assertThat(label).contains("org.opencontainers.image.title=\"" + image.repository + "\"");
    assertThat(image.rendered().getImage()).isEqualTo(image.repository + ":" + appVersion());
  }

  @Test
  void appVersionIsTheProjectVersion() throws IOException {
    String projectVersion = System.getProperty("dbprovision.project.version");
    assertThat(projectVersion).as("the build passes dbprovision.project.version").isNotBlank();

    assertThat(appVersion()).isEqualTo(projectVersion.replace("-SNAPSHOT", ""));
  }

  @Test
  void operatorImageCarriesThePostgresAndMariadbDumpClients() throws IOException {
    String run = String.join(" ", Image.OPERATOR.read().all("RUN"));

    assertThat(run)
        .containsPattern("apt-get install [^&]*postgresql-client-\\d+")
        .containsPattern("apt-get install [^&]*mariadb-client");
  }

  @Test
  void exporterImageDefaultsToTheConfigPathTheChartMounts() throws IOException {
    Container exporter = Image.EXPORTER.rendered();

    assertThat(Image.EXPORTER.read().execForm("CMD"))
        .containsExactly("run", "--config", "/etc/db-provision-exporter/config.yaml");
    assertThat(exporter.getArgs())
        .containsSequence("--config", "/etc/db-provision-exporter/config.yaml");
  }

  @SuppressWarnings("unchecked")
  private static String appVersion() throws IOException {
    Map<String, Object> chart =
        new KubernetesSerialization()
            .unmarshal(Files.readString(Repository.chart().resolve("Chart.yaml")), Map.class);
    return (String) chart.get("appVersion");
  }
}
