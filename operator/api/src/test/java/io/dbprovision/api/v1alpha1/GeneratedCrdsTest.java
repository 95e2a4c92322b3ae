package io.dbprovision.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CRD generator ran at build time and produced one v1 CRD per kind with the agreed names. */
class GeneratedCrdsTest {

  static CustomResourceDefinition load(ResourceKind kind) throws Exception {
    String path = "/META-INF/fabric8/" + kind.crdName() + "-v1.yml";
    try (InputStream in = GeneratedCrdsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("generated CRD " + path).isNotNull();
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }

  @ParameterizedTest
  @EnumSource(ResourceKind.class)
  void generatesANamespacedCrdWithItsNamesAndStatusSubresource(ResourceKind kind) throws Exception {
    CustomResourceDefinition crd = load(kind);

    assertThat(crd.getMetadata().getName()).isEqualTo(kind.crdName());
    assertThat(crd.getSpec().getGroup()).isEqualTo("dbops.dbprovision.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo(kind.kind());
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo(kind.plural());
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly(kind.shortName());

    assertThat(crd.getSpec().getVersions()).hasSize(1);
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .contains("Phase", "Age");
    assertThat(version.getSchema().getOpenAPIV3Schema().getProperties())
        .containsKeys("spec", "status");
  }

  @ParameterizedTest
  @EnumSource(ResourceKind.class)
  void listsPhasesAsAnEnumSoTheApiServerRejectsUnknownOnes(ResourceKind kind) throws Exception {
    var status =
        load(kind)
            .getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("status");
    assertThat(status.getProperties().get("phase").getEnum()).isNotEmpty();
    assertThat(status.getProperties()).containsKeys("conditions", "observedGeneration", "message");
  }
}
