package io.dbprovision.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the docs live. Surefire runs in the rules module, so the repository is its parent. */
final class DocPaths {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  static final Path DOCS = REPOSITORY.resolve("docs");
  static final Path RUNBOOKS = DOCS.resolve("runbooks");
  static final Path EXAMPLES = DOCS.resolve("examples");

  private DocPaths() {}

  /** The Markdown pages directly under {@code docs/}. */
  static List<Path> pages() {
    return list(DOCS, ".md");
  }

  /** The pages under {@code docs/} and {@code docs/runbooks/}. */
  static List<Path> pagesAndRunbooks() {
    return Stream.concat(pages().stream(), list(RUNBOOKS, ".md").stream()).toList();
  }

  static List<Path> examples() {
    return list(EXAMPLES, ".yaml");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String relative(Path file) {
    return REPOSITORY.relativize(file).toString();
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
