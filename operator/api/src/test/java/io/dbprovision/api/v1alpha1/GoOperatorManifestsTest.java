package io.dbprovision.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A manifest written for the Go operator that uses only fields we implement reads into our classes
 * without losing or changing anything, and satisfies our generated schema's declared fields, enums
 * and patterns.
 */
class GoOperatorManifestsTest {
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static JsonNode manifest(String file) throws Exception {
    try (InputStream in =
        GoOperatorManifestsTest.class.getResourceAsStream("/go-operator-manifests/" + file)) {
      return Serialization.unmarshal(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "databaseinstance.yaml, DatabaseInstance",
    "database.yaml, Database",
    "databaseuser.yaml, DatabaseUser",
    "databaserole.yaml, DatabaseRole",
    "databasegrant.yaml, DatabaseGrant",
    "databasebackup.yaml, DatabaseBackup",
    "databaserestore.yaml, DatabaseRestore",
    "databasebackupschedule.yaml, DatabaseBackupSchedule"
  })
  void readsEveryFieldOfAGoOperatorManifestUnchanged(String file, String kind) throws Exception {
    JsonNode original = manifest(file);
    Class<? extends CustomResource<?, ?>> type = typeOf(kind);

    CustomResource<?, ?> resource = STRICT.treeToValue(original, type);
    JsonNode roundTripped = STRICT.valueToTree(resource);

    List<String> lost = new ArrayList<>();
    collectDifferences("", original.get("spec"), roundTripped.get("spec"), lost);
    assertThat(lost).as("fields changed or lost on the way through our classes").isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "databaseinstance.yaml, DatabaseInstance",
    "database.yaml, Database",
    "databaseuser.yaml, DatabaseUser",
    "databaserole.yaml, DatabaseRole",
    "databasegrant.yaml, DatabaseGrant",
    "databasebackup.yaml, DatabaseBackup",
    "databaserestore.yaml, DatabaseRestore",
    "databasebackupschedule.yaml, DatabaseBackupSchedule"
  })
  void satisfiesOurGeneratedSchema(String file, String kind) throws Exception {
    CrdSchema schema = CrdSchema.generated(ResourceKind.fromKind(kind).orElseThrow());
    List<String> problems = new ArrayList<>();
    validate("spec", manifest(file).get("spec"), schema, problems);
    assertThat(problems).isEmpty();
  }

  /** Declared paths, enums and patterns only; CEL rules need an API server to evaluate. */
  private static void validate(String path, JsonNode value, CrdSchema schema, List<String> out) {
    JSONSchemaProps props = schema.at(path);
    if (props == null) {
      out.add(path + " is not declared");
      return;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String child =
            props.getAdditionalProperties() != null ? path + "{}" : path + "." + field.getKey();
        validate(child, field.getValue(), schema, out);
      }
    } else if (value.isArray()) {
      value.forEach(item -> validate(path + "[]", item, schema, out));
    } else {
      List<String> enums = CrdSchema.enumOf(props);
      if (!enums.isEmpty() && !enums.contains(value.asText())) {
        out.add(path + "=" + value.asText() + " is not one of " + enums);
      }
      if (props.getPattern() != null
          && !Pattern.compile(props.getPattern()).matcher(value.asText()).find()) {
        out.add(path + "=" + value.asText() + " does not match " + props.getPattern());
      }
    }
  }

  private static void collectDifferences(
      String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (actual == null) {
      out.add(path + " lost");
    } else if (expected.isObject()) {
      expected
          .properties()
          .forEach(
              f ->
                  collectDifferences(
                      path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()), out));
    } else if (!expected.equals(actual) && !expected.asText().equals(actual.asText())) {
      out.add(path + ": " + expected + " became " + actual);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends CustomResource<?, ?>> typeOf(String kind) throws Exception {
    return (Class<? extends CustomResource<?, ?>>)
        Class.forName(GoOperatorManifestsTest.class.getPackageName() + "." + kind);
  }
}
