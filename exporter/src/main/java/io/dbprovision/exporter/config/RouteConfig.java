package io.dbprovision.exporter.config;

import java.util.List;

/** A route as written: {@code drop} rules, {@code match} rules and sub-{@code routes}. */
public record RouteConfig(List<RuleConfig> drop, List<RuleConfig> match, List<RouteConfig> routes) {
  public RouteConfig {
    drop = List.copyOf(drop);
    match = List.copyOf(match);
    routes = List.copyOf(routes);
  }

  public static RouteConfig empty() {
    return new RouteConfig(List.of(), List.of(), List.of());
  }
}
