package io.dbprovision.operator.health;

/** A question the kubelet asks through an HTTP probe. Must be cheap and must not block. */
@FunctionalInterface
public interface HealthCheck {
  HealthStatus check();
}
