package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated OpenAPI schema of one kind, flattened to dotted paths ({@code spec.mysql.grants[]
 * .level}, {@code spec.postgres.configParameters{}}) so tests can compare it field by field.
 */
record CrdSchema(ResourceKind kind, Map<String, JSONSchemaProps> fields) {

  static CrdSchema generated(ResourceKind kind) throws Exception {
    JSONSchemaProps root =
        GeneratedCrdsTest.load(kind)
            .getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema();
    Map<String, JSONSchemaProps> fields = new TreeMap<>();
    for (String top : List.of("spec", "status")) {
      JSONSchemaProps props = root.getProperties().get(top);
      if (props != null) {
        flatten(top, props, fields);
      }
    }
    return new CrdSchema(kind, fields);
  }

  private static void flatten(
      String path, JSONSchemaProps props, Map<String, JSONSchemaProps> out) {
    if (path.contains(".conditions[].")) {
      return; // the Kubernetes Condition shape, not ours to compare
    }
    out.put(path, props);
    if (props.getProperties() != null) {
      props.getProperties().forEach((name, child) -> flatten(path + "." + name, child, out));
    }
    if (props.getItems() != null && props.getItems().getSchema() != null) {
      flatten(path + "[]", props.getItems().getSchema(), out);
    }
    if (props.getAdditionalProperties() != null
        && props.getAdditionalProperties().getSchema() != null) {
      flatten(path + "{}", props.getAdditionalProperties().getSchema(), out);
    }
  }

  JSONSchemaProps at(String path) {
    return fields.get(path);
  }

  static String defaultOf(JSONSchemaProps props) {
    JsonNode value = props.getDefault();
    return value == null ? "" : value.toString();
  }

  static List<String> enumOf(JSONSchemaProps props) {
    return props.getEnum() == null
        ? List.of()
        : props.getEnum().stream().map(JsonNode::asText).sorted().toList();
  }
}
