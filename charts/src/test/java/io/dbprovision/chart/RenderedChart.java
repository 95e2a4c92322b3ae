package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output of {@code helm template}, every document parsed into a fabric8 type (kinds fabric8 has
 * no class for, such as ServiceMonitor, become {@code GenericKubernetesResource}).
 */
record RenderedChart(List<HasMetadata> resources) {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  static RenderedChart parse(String yaml) {
    List<HasMetadata> resources = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      HasMetadata resource = SERIALIZATION.unmarshal(document, HasMetadata.class);
      assertThat(resource).as("a Kubernetes object in:%n%s", document).isNotNull();
      resources.add(resource);
    }
    return new RenderedChart(List.copyOf(resources));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<HasMetadata> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.getKind())).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + type.getSimpleName()
                        + " named "
                        + name
                        + "; rendered: "
                        + resources.stream().map(RenderedChart::describe).toList()));
  }

  /** Every container of every Pod template, with the Pod spec it runs in. */
  Stream<PodContainer> containers() {
    return all(Deployment.class).stream()
        .flatMap(
            d -> {
              PodSpec pod = d.getSpec().getTemplate().getSpec();
              return Stream.concat(
                      pod.getContainers().stream(),
                      Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream())
                  .map(c -> new PodContainer(d, pod, c));
            });
  }

  static String describe(HasMetadata resource) {
    return resource.getKind() + "/" + resource.getMetadata().getName();
  }

  record PodContainer(Deployment deployment, PodSpec pod, Container container) {
    @Override
    public String toString() {
      return deployment.getMetadata().getName() + "/" + container.getName();
    }
  }
}
