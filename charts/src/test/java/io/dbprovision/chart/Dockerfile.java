package io.dbprovision.chart;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile, enough to compare an image with the chart: continuation lines
 * joined, comments and parser directives dropped, exec-form (JSON array) arguments decoded.
 */
record Dockerfile(Path path, List<Instruction> instructions) {

  record Instruction(String keyword, String arguments) {}

  static Dockerfile read(Path path) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String line : Files.readAllLines(path)) {
      String stripped = line.strip();
      if (stripped.startsWith("#") || (stripped.isEmpty() && logical.length() == 0)) {
        continue;
      }
      if (stripped.endsWith("\\")) {
        logical.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      logical.append(stripped);
      String text = logical.toString().strip();
      logical.setLength(0);
      int space = text.indexOf(' ');
      instructions.add(
          new Instruction(
              text.substring(0, space).toUpperCase(Locale.ROOT),
              text.substring(space + 1).strip()));
    }
    if (logical.length() > 0) {
      throw new IllegalStateException(path + " ends inside a continued line");
    }
    return new Dockerfile(path, List.copyOf(instructions));
  }

  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /**
   * The single instruction of this kind (the last one wins in Docker, so two are a mistake here).
   */
  String only(String keyword) {
    List<String> found = all(keyword);
    if (found.size() != 1) {
      throw new AssertionError(path + " has " + found.size() + " " + keyword + " instructions");
    }
    return found.get(0);
  }

  /** An exec-form argument list, e.g. ENTRYPOINT ["java", "-jar", "app.jar"]. */
  List<String> execForm(String keyword) {
    String arguments = only(keyword);
    if (!arguments.startsWith("[")) {
      throw new AssertionError(path + ": " + keyword + " is not in exec form: " + arguments);
    }
    String[] parsed = new KubernetesSerialization().unmarshal(arguments, String[].class);
    return Arrays.asList(parsed);
  }
}
