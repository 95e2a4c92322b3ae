package io.dbprovision.demo;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.function.Consumer;

/**
 * How each component's Kubernetes client is built, beyond its connection to the API stand-in and
 * its user agent (which the demo sets). Tests add HTTP interceptors here to record what each
 * component calls.
 */
@FunctionalInterface
public interface ClusterClients {
  /** Customizes the client builder of one component. */
  void customize(Component component, KubernetesClientBuilder builder);

  /** Nothing beyond the connection and the user agent. */
  static ClusterClients plain() {
    return (component, builder) -> {};
  }

  /** This component's customizer: the user agent, then {@link #customize}. */
  default Consumer<KubernetesClientBuilder> forComponent(Component component) {
    return builder -> {
      builder.editOrNewConfig().withUserAgent(component.userAgent()).endConfig();
      customize(component, builder);
    };
  }
}
