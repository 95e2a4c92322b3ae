package io.dbprovision.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample manifests under {@code docs/examples/} are what a newcomer applies first: each must
 * bind to our resource classes and pass the generated CRD schema's structural checks.
 */
class ExampleManifestsTest {

  static List<ExampleManifests.Document> documents() {
    return ExampleManifests.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void bindsToOurResourceClass(ExampleManifests.Document document) throws Exception {
    if (document.kind().equals("Secret")) {
      assertThat(document.apiVersion()).isEqualTo("v1");
      Secret secret = ExampleManifests.YAML.treeToValue(document.manifest(), Secret.class);
      assertThat(secret.getStringData())
          .as("%s: sample credentials as stringData", document)
          .isNotEmpty();
      return;
    }
    ResourceKind kind =
        ResourceKind.fromKind(document.kind())
            .orElseThrow(
                () -> new AssertionError(document + ": not one of our kinds nor a Secret"));
    assertThat(document.apiVersion())
        .as("%s apiVersion", document)
        .isEqualTo(ResourceKind.API_VERSION);
    Class<?> type = Class.forName("io.dbprovision.api.v1alpha1." + kind.kind());
    // Unknown properties fail the binding: a misspelt field would be pruned by the API server.
    assertThatCode(() -> ExampleManifests.YAML.treeToValue(document.manifest(), type))
        .as("%s binds to %s", document, type.getSimpleName())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void satisfiesTheGeneratedSchema(ExampleManifests.Document document) {
    assertThat(document.manifest().at("/metadata/name").asText())
        .as("%s has a name", document)
        .isNotBlank();
    if (document.kind().equals("Secret")) {
      return;
    }
    JsonNode schema = CrdSchema.of(ResourceKind.fromKind(document.kind()).orElseThrow()).schema();
    assertThat(document.manifest().has("status"))
        .as("%s: samples carry no status", document)
        .isFalse();
    assertThat(
            SchemaCheck.problems(
                document.manifest().path("spec"), schema.path("properties").path("spec"), "spec"))
        .as("%s", document)
        .isEmpty();
  }

  @Test
  void coverTheTourInstanceDatabaseUserAndGrant() {
    Set<String> kinds =
        documents().stream().map(ExampleManifests.Document::kind).collect(Collectors.toSet());
    assertThat(kinds).contains("DatabaseInstance", "Database", "DatabaseUser", "DatabaseGrant");
    String tour = DocPaths.read(DocPaths.DOCS.resolve("tour.md"));
    for (var file : DocPaths.examples()) {
      assertThat(tour)
          .as("tour.md uses %s", file.getFileName())
          .contains("docs/examples/" + file.getFileName());
    }
  }

  /** The check itself must catch what the API server would refuse, or it proves nothing. */
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /engine                        | mongodb       | spec.engine: mongodb is not one of
          /connection/port               | 70000         | spec.connection.port: 70000 is above the maximum 65535
          /connection/port               | '"5432"'      | spec.connection.port: expected integer but was string
          /connection/hosst              | db            | spec.connection.hosst: unknown field
          /driftPolicy/interval          | soon          | spec.driftPolicy.interval: soon does not match
          /connection/host               | ''            | spec.connection.host length 0 is below 1
          """)
  void schemaCheckRefusesWhatTheServerWould(String pointer, String json, String problem)
      throws Exception {
    ObjectNode spec =
        (ObjectNode)
            ExampleManifests.YAML.readTree(
                """
                engine: postgres
                connection: {host: db, port: 5432, database: postgres, secretRef: {name: admin}}
                driftPolicy: {mode: detect}
                """);
    int slash = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) spec.at(pointer.substring(0, slash));
    parent.set(
        pointer.substring(slash + 1),
        ExampleManifests.YAML.readTree(json.isEmpty() ? "\"\"" : json));
    JsonNode schema =
        CrdSchema.of(ResourceKind.DATABASE_INSTANCE).schema().path("properties").path("spec");

    assertThat(SchemaCheck.problems(spec, schema, "spec")).anyMatch(p -> p.startsWith(problem));
  }

  @Test
  void schemaCheckReportsAMissingRequiredField() throws Exception {
    JsonNode spec = ExampleManifests.YAML.readTree("engine: postgres\n");
    JsonNode schema =
        CrdSchema.of(ResourceKind.DATABASE_INSTANCE).schema().path("properties").path("spec");

    assertThat(SchemaCheck.problems(spec, schema, "spec"))
        .containsExactly("spec.connection: required but missing");
  }
}
