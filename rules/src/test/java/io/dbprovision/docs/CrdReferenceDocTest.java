package io.dbprovision.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/crd-reference.md} carries, between two markers, a table per kind of every field the
 * build's CRD schema declares. This test renders the block from the CRD YAML and fails when the
 * page differs; with {@code -Ddbprovision.docs.update=true} it rewrites the block instead.
 */
class CrdReferenceDocTest {
  static final Path PAGE = DocPaths.DOCS.resolve("crd-reference.md");
  static final GeneratedBlock BLOCK =
      new GeneratedBlock(
          PAGE,
          "<!-- crd-reference:begin (generated from the CRD schema; do not edit) -->",
          "<!-- crd-reference:end -->");

  static String render() {
    StringBuilder out = new StringBuilder();
    for (ResourceKind kind : ResourceKind.values()) {
      CrdSchema crd = CrdSchema.of(kind);
      out.append("\n## ").append(kind.kind()).append("\n\n");
      out.append("`")
          .append(ResourceKind.API_VERSION)
          .append("`, ")
          .append(crd.scope().toLowerCase(Locale.ROOT))
          .append(", plural `")
          .append(kind.plural())
          .append("`, short name `")
          .append(kind.shortName())
          .append("`.\n");
      table(out, "Spec", crd.fields("spec"));
      table(out, "Status (written by the operator)", crd.fields("status"));
    }
    return out.toString();
  }

  private static void table(StringBuilder out, String title, List<CrdSchema.Field> fields) {
    out.append("\n### ").append(title).append("\n\n");
    // The top-level spec/status object itself is not a row: its fields are.
    List<CrdSchema.Field> rows = fields.stream().skip(1).toList();
    if (rows.isEmpty()) {
      out.append("No fields.\n");
      return;
    }
    out.append("| Field | Type | Required | Default | Constraints | Description |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (CrdSchema.Field field : rows) {
      out.append("| `")
          .append(field.path())
          .append("` | ")
          .append(cell(field.type()))
          .append(" | ")
          .append(field.required() ? "yes" : "")
          .append(" | ")
          .append(field.defaultValue().map(v -> "`" + cell(v) + "`").orElse(""))
          .append(" | ")
          .append(constraints(field))
          .append(" | ")
          .append(cell(field.description()))
          .append(" |\n");
    }
  }

  private static String constraints(CrdSchema.Field field) {
    List<String> parts = new ArrayList<>();
    if (!field.values().isEmpty()) {
      parts.add(
          "one of "
              + field.values().stream()
                  .map(v -> "`" + cell(v) + "`")
                  .collect(Collectors.joining(", ")));
    }
    field.pattern().ifPresent(p -> parts.add("pattern `" + cell(p) + "`"));
    parts.addAll(field.bounds());
    field.rules().forEach(r -> parts.add("rule: " + cell(r)));
    return String.join("; ", parts);
  }

  /** Markdown table cells cannot hold a raw pipe. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  @Test
  void pageShowsEveryFieldOfTheGeneratedSchema() throws IOException {
    String page = Files.readString(PAGE);
    String expected = BLOCK.withContent(page, render());
    if (Boolean.getBoolean("dbprovision.docs.update")) {
      Files.writeString(PAGE, expected);
      return;
    }
    assertThat(page)
        .as(
            "docs/crd-reference.md is stale; run: ./mvnw -pl rules -am test"
                + " -Dtest=CrdReferenceDocTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Ddbprovision.docs.update=true")
        .isEqualTo(expected);
  }

  @Test
  void everyKindHasAFieldTableWithItsRequiredFieldsMarked() {
    String block = render();
    for (ResourceKind kind : ResourceKind.values()) {
      assertThat(block).contains("\n## " + kind.kind() + "\n");
    }
    assertThat(block)
        .contains(
            "| `spec.engine` | string | yes |  | one of `mariadb`, `mysql`, `postgres`;"
                + " rule: engine is immutable |")
        .contains("| `spec.instanceRef.name` | string | yes | ");
  }
}
