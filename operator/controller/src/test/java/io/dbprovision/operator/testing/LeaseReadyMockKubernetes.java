package io.dbprovision.operator.testing;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The CRUD mock API server of {@link MockKubernetes}, plus an answer to {@code
 * SelfSubjectRulesReview}: JOSDK asks it, before leader election, whether it may use Leases, and
 * the plain mock cannot answer (it tries to store the review). This one answers "everything
 * allowed", as a cluster-admin service account would.
 */
public final class LeaseReadyMockKubernetes implements AutoCloseable {
  private static final String ALL_ALLOWED =
      "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectRulesReview\","
          + "\"metadata\":{},\"spec\":{},\"status\":{\"incomplete\":false,"
          + "\"nonResourceRules\":[],\"resourceRules\":[{\"apiGroups\":[\"*\"],"
          + "\"resources\":[\"*\"],\"verbs\":[\"*\"]}]}}";

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public LeaseReadyMockKubernetes() {
    KubernetesCrudDispatcher dispatcher =
        new KubernetesCrudDispatcher(List.of()) {
          @Override
          public MockResponse handleCreate(RecordedRequest request) {
            if (request.getPath().endsWith("/selfsubjectrulesreviews")) {
              return new MockResponse().setResponseCode(201).setBody(ALL_ALLOWED);
            }
            return super.handleCreate(request);
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    for (ResourceKind kind : ResourceKind.values()) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(MockKubernetes.crd(kind))
          .create();
    }
  }

  public KubernetesClient client() {
    return client;
  }

  /** An independent client, as a second replica would have; the caller closes it. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  public String newNamespace(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
