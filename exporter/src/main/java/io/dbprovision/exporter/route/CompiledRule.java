package io.dbprovision.exporter.route;

import io.dbprovision.exporter.config.GoRegex;
import io.dbprovision.exporter.config.RuleConfig;
import io.dbprovision.exporter.normalize.EventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One rule with its patterns compiled: the conjunction of its set fields. Unset fields are not
 * tested at all, so a rule with only {@code receiver} matches every event.
 */
final class CompiledRule {
  private final List<Predicate<EventRecord>> conditions;
  private final String receiver;
  private final boolean usesInvolvedMetadata;

  private CompiledRule(
      List<Predicate<EventRecord>> conditions, String receiver, boolean usesInvolvedMetadata) {
    this.conditions = List.copyOf(conditions);
    this.receiver = receiver;
    this.usesInvolvedMetadata = usesInvolvedMetadata;
  }

  static CompiledRule compile(RuleConfig rule) {
    List<Predicate<EventRecord>> conditions = new ArrayList<>();
    field(conditions, rule.message(), EventRecord::message);
    field(conditions, rule.apiVersion(), e -> e.involvedObject().apiVersion());
    field(conditions, rule.kind(), e -> e.involvedObject().kind());
    field(conditions, rule.namespace(), EventRecord::namespace);
    field(conditions, rule.reason(), EventRecord::reason);
    field(conditions, rule.type(), EventRecord::type);
    field(conditions, rule.component(), EventRecord::component);
    field(conditions, rule.host(), EventRecord::sourceHost);
    entries(conditions, rule.labels(), e -> e.involvedMetadata().labels());
    entries(conditions, rule.annotations(), e -> e.involvedMetadata().annotations());
    if (rule.minCount() > 0) {
      int minCount = rule.minCount();
      conditions.add(e -> e.occurrenceCount() >= minCount);
    }
    return new CompiledRule(
        conditions, rule.receiver(), !rule.labels().isEmpty() || !rule.annotations().isEmpty());
  }

  boolean matches(EventRecord event) {
    for (Predicate<EventRecord> condition : conditions) {
      if (!condition.test(event)) {
        return false;
      }
    }
    return true;
  }

  /** The receiver a matching match rule sends to; empty for a pure filter. */
  String receiver() {
    return receiver;
  }

  boolean usesInvolvedMetadata() {
    return usesInvolvedMetadata;
  }

  private static void field(
      List<Predicate<EventRecord>> conditions,
      String pattern,
      Function<EventRecord, String> value) {
    if (!pattern.isEmpty()) {
      Pattern compiled = GoRegex.compile(pattern);
      conditions.add(e -> compiled.matcher(value.apply(e)).find());
    }
  }

  /** Every key must be present and its value must match (Go: all pairs ANDed). */
  private static void entries(
      List<Predicate<EventRecord>> conditions,
      Map<String, String> patterns,
      Function<EventRecord, Map<String, String>> values) {
    patterns.forEach(
        (key, pattern) -> {
          Pattern compiled = GoRegex.compile(pattern);
          conditions.add(
              e -> {
                String value = values.apply(e).get(key);
                return value != null && compiled.matcher(value).find();
              });
        });
  }
}
