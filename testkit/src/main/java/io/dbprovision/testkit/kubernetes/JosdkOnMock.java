package io.dbprovision.testkit.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import java.util.function.Consumer;

/**
 * The JOSDK settings that make an operator work against {@link MockKubernetes}. The mock answers
 * server-side apply with 415, so with JOSDK's defaults the first finalizer patch fails forever and
 * no reconcile is ever called; switching SSA off makes JOSDK use JSON merge patches instead.
 * Production keeps SSA on.
 */
public final class JosdkOnMock {
  private JosdkOnMock() {}

  public static Consumer<ConfigurationServiceOverrider> overrides(KubernetesClient client) {
    return o ->
        o.withKubernetesClient(client)
            .withCloseClientOnStop(false)
            .withUseSSAToPatchPrimaryResource(false)
            .withSSABasedCreateUpdateMatchForDependentResources(false);
  }
}
