package io.dbprovision.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.events.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason, kind and type a kubectl or jq recipe in {@code docs/} or {@code docs/runbooks/}
 * filters on must exist in the event catalog, and a kind and reason used together must be a row of
 * it; otherwise the recipe silently prints nothing. Lines marked {@value
 * EventRecipes#WRONG_EXAMPLE} must really be wrong.
 */
class EventRecipesTest {
  static final Set<String> REASONS =
      Arrays.stream(CatalogEvent.values()).map(CatalogEvent::reason).collect(Collectors.toSet());
  static final Set<String> KINDS =
      Arrays.stream(ResourceKind.values()).map(ResourceKind::kind).collect(Collectors.toSet());
  static final Set<String> TYPES =
      Arrays.stream(EventType.values()).map(EventType::name).collect(Collectors.toSet());

  /** What is wrong with a recipe, if anything. */
  static Optional<String> problem(List<EventRecipes.Filter> filters) {
    List<String> problems = new ArrayList<>();
    String kind = null;
    String reason = null;
    for (EventRecipes.Filter filter : filters) {
      Set<String> known =
          switch (filter.field()) {
            case "reason" -> REASONS;
            case "involvedObject.kind" -> KINDS;
            case "type" -> TYPES;
            default -> null;
          };
      if (known == null) {
        continue;
      }
      boolean found =
          filter.exact()
              ? known.contains(filter.value())
              : known.stream().anyMatch(k -> k.contains(filter.value()));
      if (!found) {
        problems.add(filter.field() + " " + filter.value() + " is not in the event catalog");
      } else if (filter.exact() && filter.field().equals("reason")) {
        reason = filter.value();
      } else if (filter.exact() && filter.field().equals("involvedObject.kind")) {
        kind = filter.value();
      }
    }
    if (kind != null && reason != null && CatalogEvent.find(kind, reason).isEmpty()) {
      problems.add(kind + " has no event with reason " + reason);
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @Test
  void recipesFilterOnlyOnWhatTheOperatorEmits() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (var page : DocPaths.pagesAndRunbooks()) {
      for (EventRecipes.Recipe recipe : EventRecipes.in(page)) {
        checked++;
        Optional<String> problem = problem(recipe.filters());
        if (recipe.markedWrong() && problem.isEmpty()) {
          wrong.add(recipe.where() + ": marked as a wrong example but is right: " + recipe.text());
        } else if (!recipe.markedWrong() && problem.isPresent()) {
          wrong.add(recipe.where() + ": " + problem.get() + ": " + recipe.text().strip());
        }
      }
    }
    assertThat(checked).as("recipes found in docs").isGreaterThan(10);
    assertThat(wrong).isEmpty();
  }

  static Stream<Arguments> recipeLines() {
    return Stream.of(
        arguments("kubectl get events --field-selector reason=DriftDetected", "ok"),
        arguments(
            "kubectl get events --field-selector involvedObject.kind=DatabaseBackup,reason=Failed",
            "ok"),
        arguments("kubectl get events --field-selector type=Warning,involvedObject.name=db1", "ok"),
        arguments(
            "kubectl get events -o json | jq '.items[] | select(.reason | contains(\"Drift\"))'",
            "ok"),
        arguments(
            "kubectl get events -o json | jq '.items[] | select(.involvedObject.kind == \"<kind>\")'",
            "ok"),
        arguments(
            "kubectl get events --field-selector reason=BackupFailed",
            "reason BackupFailed is not in the event catalog"),
        arguments(
            "kubectl get events --field-selector involvedObject.kind=Database,reason=Failed",
            "Database has no event with reason Failed"),
        arguments(
            "kubectl get events -o json | jq '.items[] | select(.involvedObject.kind == \"Backup\")'",
            "involvedObject.kind Backup is not in the event catalog"),
        arguments(
            "kubectl get events --field-selector type=Error",
            "type Error is not in the event catalog"),
        arguments(
            "kubectl get events -o json | jq '.items[] | select(.reason | contains(\"Snapshot\"))'",
            "reason Snapshot is not in the event catalog"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recipeLines")
  void judgesRecipeLines(String line, String expected) {
    Optional<String> problem = problem(EventRecipes.filters(line));
    if (expected.equals("ok")) {
      assertThat(problem).isEmpty();
    } else {
      assertThat(problem).hasValue(expected);
    }
  }
}
