package io.dbprovision.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event filters in the kubectl and jq recipes of a Markdown page: {@code --field-selector}
 * terms and jq comparisons on {@code .reason}, {@code .type} and {@code .involvedObject.kind}. Only
 * lines of fenced code blocks that run {@code kubectl} or {@code jq} are read, so PromQL and LogQL
 * examples (checked elsewhere) are left alone.
 */
final class EventRecipes {
  /**
   * A recipe line ending in this comment shows what not to do; its values are meant to be wrong.
   */
  static final String WRONG_EXAMPLE = "# wrong example";

  private static final Pattern FIELD_SELECTOR =
      Pattern.compile("--field-selector[= ]+['\"]?([^'\"\\s]+)");
  private static final Pattern JQ_EQUALS =
      Pattern.compile("\\.(reason|type|involvedObject\\.kind)\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern JQ_CONTAINS =
      Pattern.compile("\\.(reason|involvedObject\\.kind)\\s*\\|\\s*contains\\(\"([^\"]*)\"\\)");

  /** One recipe line and the filters it uses. */
  record Recipe(Path page, int line, String text, List<Filter> filters) {
    boolean markedWrong() {
      return text.contains(WRONG_EXAMPLE);
    }

    String where() {
      return DocPaths.relative(page) + ":" + line;
    }
  }

  /**
   * One filter term.
   *
   * @param field {@code reason}, {@code type} or {@code involvedObject.kind}
   * @param exact false for a jq {@code contains}, which needs only a substring
   */
  record Filter(String field, String value, boolean exact) {}

  private EventRecipes() {}

  static List<Recipe> in(Path page) {
    List<Recipe> recipes = new ArrayList<>();
    String[] lines = DocPaths.read(page).split("\n", -1);
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced && (line.contains("kubectl") || line.contains("jq "))) {
        List<Filter> filters = filters(line);
        if (!filters.isEmpty()) {
          recipes.add(new Recipe(page, i + 1, line, filters));
        }
      }
    }
    return recipes;
  }

  static List<Filter> filters(String line) {
    List<Filter> filters = new ArrayList<>();
    Matcher selector = FIELD_SELECTOR.matcher(line);
    while (selector.find()) {
      for (String term : selector.group(1).split(",")) {
        String[] parts = term.split("!?==?", 2);
        if (parts.length == 2) {
          filters.add(new Filter(parts[0], parts[1], true));
        }
      }
    }
    Matcher equals = JQ_EQUALS.matcher(line);
    while (equals.find()) {
      filters.add(new Filter(equals.group(1), equals.group(2), true));
    }
    Matcher contains = JQ_CONTAINS.matcher(line);
    while (contains.find()) {
      filters.add(new Filter(contains.group(1), contains.group(2), false));
    }
    return filters.stream().filter(f -> !isPlaceholder(f.value())).toList();
  }

  /** {@code <kind>}, {@code $REASON}: the reader fills these in. */
  private static boolean isPlaceholder(String value) {
    return value.contains("<") || value.contains("$");
  }
}
