package io.dbprovision.exporter.health;

import java.util.Optional;

/** One condition of liveness or readiness. */
@FunctionalInterface
public interface HealthCheck {
  /** What is wrong, or empty when healthy. Must be quick and must not throw. */
  Optional<String> problem();

  HealthCheck OK = Optional::empty;
}
