package io.dbprovision.exporter.route;

import io.dbprovision.exporter.config.RouteConfig;
import io.dbprovision.exporter.normalize.EventRecord;
import java.util.List;
import java.util.Set;

/** One route of the compiled tree. Immutable. */
final class CompiledRoute {
  private final List<CompiledRule> drop;
  private final List<CompiledRule> match;
  private final List<CompiledRoute> routes;

  private CompiledRoute(
      List<CompiledRule> drop, List<CompiledRule> match, List<CompiledRoute> routes) {
    this.drop = drop;
    this.match = match;
    this.routes = routes;
  }

  static CompiledRoute compile(RouteConfig route) {
    return new CompiledRoute(
        route.drop().stream().map(CompiledRule::compile).toList(),
        route.match().stream().map(CompiledRule::compile).toList(),
        route.routes().stream().map(CompiledRoute::compile).toList());
  }

  /** The Go tool's {@code Route.ProcessEvent}, collecting receivers instead of sending. */
  void collect(EventRecord event, Set<String> receivers) {
    for (CompiledRule rule : drop) {
      if (rule.matches(event)) {
        return;
      }
    }
    boolean matchesAll = true;
    for (CompiledRule rule : match) {
      if (rule.matches(event)) {
        if (!rule.receiver().isEmpty()) {
          receivers.add(rule.receiver());
        }
      } else {
        matchesAll = false;
      }
    }
    if (matchesAll) {
      for (CompiledRoute route : routes) {
        route.collect(event, receivers);
      }
    }
  }

  boolean usesInvolvedMetadata() {
    return drop.stream().anyMatch(CompiledRule::usesInvolvedMetadata)
        || match.stream().anyMatch(CompiledRule::usesInvolvedMetadata)
        || routes.stream().anyMatch(CompiledRoute::usesInvolvedMetadata);
  }
}
