package io.dbprovision.testkit.kubernetes;

import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The fabric8 mock API server in CRUD mode, over plain HTTP on loopback, with the operator's eight
 * CRDs installed from the YAML the build generated. It stores what clients write and serves lists,
 * watches, JSON and merge patches, status subresources and finalizer semantics (a delete of an
 * object with finalizers sets {@code deletionTimestamp}).
 *
 * <p>Known limits of the stand-in, which tests must not rely on: server-side apply and strategic
 * merge patches answer 415 (switch SSA off, see {@link JosdkOnMock}); field selectors other than
 * {@code metadata.name}/{@code metadata.namespace} are ignored, so filter Events client-side; CRD
 * schemas are not validated (test schema rules against the generated YAML instead).
 */
public final class MockKubernetes implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockKubernetes(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** Starts a fresh, empty API server with the operator's CRDs installed. */
  public static MockKubernetes start() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    MockKubernetes kubernetes = new MockKubernetes(server);
    kubernetes.installCrds();
    return kubernetes;
  }

  /** A client for the server, shared by the caller's test; closed with this server. */
  public KubernetesClient client() {
    return client;
  }

  /**
   * A new, independent client (its own connections and informers), as a second process would have;
   * the caller closes it.
   */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /**
   * As {@link #newClient()}, customized before it is built (its user agent, HTTP interceptors that
   * record what it calls); the caller closes it.
   */
  public KubernetesClient newClient(Consumer<KubernetesClientBuilder> customizer) {
    return server.createClient(customizer);
  }

  /** The server's base URL, for processes configured by URL rather than by client object. */
  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  /** Creates a namespace with a unique name starting with the prefix, and returns its name. */
  public String newNamespace(String prefix) {
    String name =
        prefix.toLowerCase(Locale.ROOT)
            + "-"
            + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private void installCrds() {
    for (ResourceKind kind : ResourceKind.values()) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd(kind)).create();
    }
  }

  /** The CRD the build generated for a kind (from the api module's jar). */
  public static CustomResourceDefinition crd(ResourceKind kind) {
    String path = "/META-INF/fabric8/" + kind.crdName() + "-v1.yml";
    try (InputStream in = MockKubernetes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("generated CRD not on the classpath: " + path);
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
