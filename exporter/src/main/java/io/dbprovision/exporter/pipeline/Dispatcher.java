package io.dbprovision.exporter.pipeline;

/**
 * Where routing decisions go: the delivery layer (queues, policies, receivers). Called on the
 * pipeline thread; implementations hand off and return quickly.
 */
@FunctionalInterface
public interface Dispatcher {
  void dispatch(Decision decision);
}
