package io.dbprovision.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Manifests written for the Go operator must mean the same here. {@code anchor-crd-facts.tsv}
 * holds, for every field we implement, the path, type, default and enum of the Go operator's
 * generated CRDs; our generated CRDs must agree at every one of those paths, and we must declare
 * nothing outside them.
 *
 * <p>Where the Go CRD has no enum but its code only acts on a fixed set of values ({@code
 * anchor-accepted-values.tsv}), our enum may narrow that set to the values we implement. Phase
 * enums may list more phases than the Go CRD, because its controllers write phases its CRDs reject.
 * Where the Go enum lists values we do not implement ({@code anchor-narrowed-enums.tsv}), our enum
 * is a subset of it. Fields we add are listed, with the reason, in {@code our-extensions.tsv}.
 */
class AnchorCompatibilityTest {
  static final Set<ResourceKind> IMPLEMENTED =
      Set.of(
          ResourceKind.DATABASE_INSTANCE,
          ResourceKind.DATABASE,
          ResourceKind.DATABASE_USER,
          ResourceKind.DATABASE_ROLE,
          ResourceKind.DATABASE_GRANT,
          ResourceKind.DATABASE_BACKUP,
          ResourceKind.DATABASE_RESTORE,
          ResourceKind.DATABASE_BACKUP_SCHEDULE);

  record Fact(ResourceKind kind, String path, String type, String defaultJson, List<String> enums) {
    @Override
    public String toString() {
      return kind.kind() + " " + path;
    }
  }

  static List<String[]> rows(String resource) throws Exception {
    try (var in = AnchorCompatibilityTest.class.getResourceAsStream(resource);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", -1))
          .toList();
    }
  }

  static ResourceKind kind(String name) {
    return ResourceKind.fromKind(name).orElseThrow();
  }

  static Stream<Fact> facts() throws Exception {
    return rows("/anchor-crd-facts.tsv").stream()
        .map(
            r ->
                new Fact(
                    kind(r[0]),
                    r[1],
                    r[2],
                    r[3],
                    r[4].isEmpty() ? List.of() : Arrays.stream(r[4].split(",")).sorted().toList()));
  }

  static Map<String, List<String>> acceptedValues() throws Exception {
    return rows("/anchor-accepted-values.tsv").stream()
        .collect(Collectors.toMap(r -> r[0] + " " + r[1], r -> List.of(r[2].split(","))));
  }

  static Set<String> narrowedEnums() throws Exception {
    return rows("/anchor-narrowed-enums.tsv").stream()
        .map(r -> r[0] + " " + r[1])
        .collect(Collectors.toSet());
  }

  static Set<String> extensions() throws Exception {
    return rows("/our-extensions.tsv").stream()
        .map(r -> r[0] + " " + r[1])
        .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facts")
  void declaresTheGoOperatorsTypeDefaultAndEnum(Fact fact) throws Exception {
    JSONSchemaProps ours = CrdSchema.generated(fact.kind()).at(fact.path());

    assertThat(ours).as("%s is declared", fact).isNotNull();
    assertThat(ours.getType()).as("type of %s", fact).isEqualTo(fact.type());
    assertThat(CrdSchema.defaultOf(ours)).as("default of %s", fact).isEqualTo(fact.defaultJson());

    List<String> ourEnum = CrdSchema.enumOf(ours);
    List<String> accepted = acceptedValues().get(fact.toString());
    if (fact.path().endsWith(".phase") && fact.path().startsWith("status")) {
      assertThat(ourEnum).as("phases of %s", fact).containsAll(fact.enums());
    } else if (narrowedEnums().contains(fact.toString())) {
      assertThat(ourEnum).as("enum of %s", fact).isNotEmpty().isSubsetOf(fact.enums());
    } else if (fact.enums().isEmpty() && accepted != null) {
      assertThat(ourEnum).as("enum of %s", fact).isNotEmpty().isSubsetOf(accepted);
    } else {
      assertThat(ourEnum).as("enum of %s", fact).isEqualTo(fact.enums());
    }
  }

  @Test
  void declaresNoFieldTheGoOperatorDoesNotHave() throws Exception {
    Set<String> known =
        facts().map(f -> f.kind().kind() + " " + f.path()).collect(Collectors.toSet());
    Set<String> extensions = extensions();
    List<String> extra = new ArrayList<>();
    for (ResourceKind kind : IMPLEMENTED) {
      CrdSchema.generated(kind).fields().keySet().stream()
          .map(path -> kind.kind() + " " + path)
          .filter(path -> !known.contains(path) && !extensions.contains(path))
          .forEach(extra::add);
    }
    assertThat(extra).isEmpty();
  }

  @Test
  void extensionsAreNotGoFieldsAndAreDeclared() throws Exception {
    Set<String> known =
        facts().map(f -> f.kind().kind() + " " + f.path()).collect(Collectors.toSet());
    for (String extension : extensions()) {
      String[] parts = extension.split(" ", 2);
      assertThat(known).as(extension).doesNotContain(extension);
      assertThat(CrdSchema.generated(kind(parts[0])).at(parts[1])).as(extension).isNotNull();
    }
  }

  @Test
  void narrowedEnumsOnlyCoverFieldsWithAGoEnum() throws Exception {
    Map<String, Fact> byPath =
        facts().collect(Collectors.toMap(Fact::toString, f -> f, (a, b) -> a));
    assertThat(narrowedEnums())
        .allSatisfy(path -> assertThat(byPath.get(path).enums()).as(path).isNotEmpty());
  }

  @Test
  void acceptedValueExceptionsOnlyCoverFieldsWithoutAGoEnum() throws Exception {
    Map<String, Fact> byPath =
        facts().collect(Collectors.toMap(Fact::toString, f -> f, (a, b) -> a));
    assertThat(acceptedValues().keySet())
        .allSatisfy(
            path -> {
              assertThat(byPath).containsKey(path);
              assertThat(byPath.get(path).enums()).as(path).isEmpty();
            });
  }
}
