package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.health.HealthCheck;
import io.dbprovision.exporter.pipeline.Dispatcher;

/**
 * What the delivery layer gives the process: where decisions go, whether its workers live, and how
 * to stop it.
 */
public interface Delivery extends AutoCloseable {
  Dispatcher dispatcher();

  /** Fails when a worker died (liveness). */
  HealthCheck workers();

  @Override
  void close();

  /** A delivery without workers of its own (the dispatcher hands off synchronously). */
  static Delivery of(Dispatcher dispatcher) {
    return new Delivery() {
      @Override
      public Dispatcher dispatcher() {
        return dispatcher;
      }

      @Override
      public HealthCheck workers() {
        return HealthCheck.OK;
      }

      @Override
      public void close() {}
    };
  }
}
