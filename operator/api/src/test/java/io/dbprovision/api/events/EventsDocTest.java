package io.dbprovision.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/events.md} carries the catalog between two markers. This test renders that block from
 * the catalog and fails when the file differs, so the docs cannot drift. Run with {@code
 * -Ddbprovision.docs.update=true} to rewrite the block after changing the catalog.
 */
class EventsDocTest {
  static final String BEGIN = "<!-- catalog:begin (generated from CatalogEvent; do not edit) -->";
  static final String END = "<!-- catalog:end -->";
  static final Path DOC = Path.of("..", "..", "docs", "events.md");

  static String renderCatalog() {
    StringBuilder out = new StringBuilder();
    for (ResourceKind kind : ResourceKind.values()) {
      out.append("\n### ").append(kind.kind()).append("\n\n");
      out.append("| Reason | Type | Category | Description |\n");
      out.append("|--------|------|----------|-------------|\n");
      for (CatalogEvent event : CatalogEvent.of(kind)) {
        out.append("| `")
            .append(event.reason())
            .append("` | ")
            .append(event.type())
            .append(" | ")
            .append(event.category().map(EventCategory::title).orElse("-"))
            .append(" | ")
            .append(event.description())
            .append(" |\n");
      }
    }
    return out.toString();
  }

  @Test
  void docsShowTheCatalogExactly() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("docs/events.md has the catalog begin marker").isNotNegative();
    assertThat(end).as("docs/events.md has the catalog end marker").isGreaterThan(begin);

    String expected =
        doc.substring(0, begin + BEGIN.length())
            + "\n"
            + renderCatalog()
            + "\n"
            + doc.substring(end);
    if (Boolean.getBoolean("dbprovision.docs.update")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(doc)
        .as(
            "docs/events.md is stale; run: ./mvnw -pl operator/api test -Ddbprovision.docs.update=true")
        .isEqualTo(expected);
  }
}
