package io.dbprovision.chart;

import io.dbprovision.demo.ClusterClients;
import io.dbprovision.demo.Component;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each demo component a client that records every request it makes (watches included: their
 * upgrade requests pass the same interceptors), keyed by component.
 */
final class RecordedCalls implements ClusterClients {
  private final Map<Component, List<ApiCall>> calls = new EnumMap<>(Component.class);

  @Override
  public void customize(Component component, KubernetesClientBuilder builder) {
    builder.withHttpClientBuilderConsumer(
        http ->
            http.addOrReplaceInterceptor(
                "record-api-calls",
                new Interceptor() {
                  @Override
                  public void before(BasicBuilder request, HttpRequest original, RequestTags tags) {
                    record(component, ApiCall.of(original.method(), original.uri()));
                  }
                }));
  }

  private synchronized void record(Component component, ApiCall call) {
    calls.computeIfAbsent(component, c -> new ArrayList<>()).add(call);
  }

  synchronized List<ApiCall> of(Component component) {
    return List.copyOf(calls.getOrDefault(component, List.of()));
  }
}
