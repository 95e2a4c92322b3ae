package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart's crds/ holds byte copies of the CRDs the build generates from operator/api (on the
 * test classpath under META-INF/fabric8/). After changing a CRD class, refresh them with {@link
 * Repository#UPDATE_COMMAND}.
 */
class ChartCrdCopiesTest {
  static final Path CRDS = Repository.chart().resolve("crds");

  static String fileName(ResourceKind kind) {
    return kind.crdName() + "-v1.yml";
  }

  static byte[] generated(ResourceKind kind) throws IOException {
    String resource = "/META-INF/fabric8/" + fileName(kind);
    try (InputStream in = ChartCrdCopiesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("the build generated %s", resource).isNotNull();
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @EnumSource(ResourceKind.class)
  void chartCarriesTheGeneratedCrd(ResourceKind kind) throws IOException {
    Path copy = CRDS.resolve(fileName(kind));
    byte[] generated = generated(kind);
    if (Repository.updateRequested()) {
      Files.write(copy, generated);
    }

    assertThat(copy).as("chart CRD for %s", kind.kind()).exists();
    assertThat(Files.readString(copy, StandardCharsets.UTF_8))
        .as("%s is stale; refresh with: %s", copy, Repository.UPDATE_COMMAND)
        .isEqualTo(new String(generated, StandardCharsets.UTF_8));
  }

  @Test
  void chartCarriesNoOtherCrds() throws IOException {
    Set<String> expected =
        Arrays.stream(ResourceKind.values())
            .map(ChartCrdCopiesTest::fileName)
            .collect(Collectors.toCollection(TreeSet::new));
    if (Repository.updateRequested()) {
      for (Path stale : files()) {
        if (!expected.contains(stale.getFileName().toString())) {
          Files.delete(stale);
        }
      }
    }

    assertThat(files())
        .extracting(p -> p.getFileName().toString())
        .as("files in %s; refresh with: %s", CRDS, Repository.UPDATE_COMMAND)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(ResourceKind.class)
  void chartCrdDefinesItsKindInOurGroup(ResourceKind kind) throws IOException {
    CustomResourceDefinition crd =
        new KubernetesSerialization()
            .unmarshal(
                Files.readString(CRDS.resolve(fileName(kind))), CustomResourceDefinition.class);

    assertThat(crd.getMetadata().getName()).isEqualTo(kind.crdName());
    assertThat(crd.getSpec().getGroup()).isEqualTo(ResourceKind.GROUP);
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo(kind.kind());
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(CRDS)) {
      return files.sorted().toList();
    }
  }
}
