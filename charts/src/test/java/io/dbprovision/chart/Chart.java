package io.dbprovision.chart;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The chart under test, rendered offline with helm-java (Helm's own Go code through JNI), as {@code
 * helm template} would for the release {@value #RELEASE} in {@value #NAMESPACE}.
 */
final class Chart {
  static final String RELEASE = "db-provision-operator";
  static final String NAMESPACE = "db-provision-operator-system";

  /** The full name for {@link #RELEASE}: the release name already contains the chart name. */
  static final String FULLNAME = "db-provision-operator";

  /** helm template assumes Kubernetes 1.20 unless told; the chart requires 1.26 or later. */
  static final String KUBE_VERSION = "v1.30.0";

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private final Path directory;

  Chart(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  static Chart ours() {
    return new Chart(Repository.chart());
  }

  /**
   * Values from dotted paths: {@code values("exporter.mode", "deployment", "replicaCount", 2)} is
   * {@code {exporter: {mode: deployment}, replicaCount: 2}}.
   */
  static Map<String, Object> values(Object... pathsAndValues) {
    if (pathsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("values(...) takes path, value pairs");
    }
    Map<String, Object> root = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      String[] path = ((String) pathsAndValues[i]).split("\\.");
      Map<String, Object> map = root;
      for (int p = 0; p < path.length - 1; p++) {
        map = castMap(map.computeIfAbsent(path[p], k -> new LinkedHashMap<String, Object>()));
      }
      map.put(path[path.length - 1], pathsAndValues[i + 1]);
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  LintResult lintStrict() {
    return new Helm(directory).lint().strict().call();
  }

  RenderedChart render() {
    return render(Map.of());
  }

  /**
   * Renders with these values over the defaults. Nested maps are written to a values file, so lists
   * and maps arrive exactly as a user's values file would give them.
   */
  RenderedChart render(Map<String, ?> values) {
    return RenderedChart.parse(template(values));
  }

  /** The NOTES.txt a user sees after {@code helm install}, from a client-only dry run. */
  String notes(Map<String, ?> values) {
    return withValuesFile(
        values,
        file ->
            new Helm(directory)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(file)
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly()
                .call()
                .getOutput());
  }

  /** The raw output; a failure (schema, {@code fail}) surfaces as an IllegalStateException. */
  String template(Map<String, ?> values) {
    return withValuesFile(
        values,
        file ->
            new Helm(directory)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(file)
                .call());
  }

  private static String withValuesFile(Map<String, ?> values, Function<Path, String> helm) {
    try {
      Path valuesFile = Files.createTempFile("values-", ".yaml");
      try {
        Files.writeString(valuesFile, YAML.asYaml(new LinkedHashMap<>(values)));
        return helm.apply(valuesFile);
      } finally {
        Files.deleteIfExists(valuesFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
