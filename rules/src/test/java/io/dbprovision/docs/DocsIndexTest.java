package io.dbprovision.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/README.md} indexes every page, and relative links between pages lead somewhere. */
class DocsIndexTest {
  static final Path INDEX = DocPaths.DOCS.resolve("README.md");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  static List<String> relativeLinks(String markdown) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(markdown);
    while (m.find()) {
      String target = m.group(1);
      if (!target.contains("://") && !target.startsWith("#") && !target.startsWith("mailto:")) {
        links.add(target.replaceFirst("#.*$", ""));
      }
    }
    return links;
  }

  @Test
  void indexLinksEveryPage() {
    List<String> links = relativeLinks(DocPaths.read(INDEX));
    for (Path page : DocPaths.pages()) {
      if (!page.equals(INDEX)) {
        assertThat(links)
            .as("docs/README.md links %s", page.getFileName())
            .contains(page.getFileName().toString());
      }
    }
    assertThat(links).as("docs/README.md links the runbooks").contains("runbooks/");
  }

  @Test
  void relativeLinksLeadToFilesThatExist() {
    List<String> broken = new ArrayList<>();
    for (Path page : DocPaths.pagesAndRunbooks()) {
      for (String link : relativeLinks(DocPaths.read(page))) {
        if (!Files.exists(page.getParent().resolve(link))) {
          broken.add(DocPaths.relative(page) + " -> " + link);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void findsRelativeLinksOnly() {
    assertThat(
            relativeLinks(
                "[a](metrics.md) [b](https://example.org/x) [c](#top) [d](runbooks/BackupFailed.md#steps)"))
        .containsExactly("metrics.md", "runbooks/BackupFailed.md");
  }
}
