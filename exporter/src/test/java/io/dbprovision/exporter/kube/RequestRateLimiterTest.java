package io.dbprovision.exporter.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kubeQPS} and {@code kubeBurst} reach the requests a real fabric8 client sends to the
 * (mock) API server: the limiter's waits are recorded on a test clock instead of slept.
 */
@ExtendWith(MockKubernetesExtension.class)
class RequestRateLimiterTest {

  @Test
  void theClientsRequestsKeepToKubeQpsAndKubeBurst(MockKubernetes kubernetes) throws Exception {
    ExporterConfig config =
        new ConfigLoader(k -> null, true).parse("kubeQPS: 4\nkubeBurst: 2\n", "test").config();
    AtomicLong now = new AtomicLong();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    RequestRateLimiter limiter =
        new RequestRateLimiter(
            new TokenBucket(config.kubeQPS(), config.kubeBurst(), now::get),
            wait -> {
              waits.add(wait);
              now.addAndGet(wait.toNanos());
            });
    String namespace = kubernetes.newNamespace("qps");

    try (KubernetesClient client =
        RequestRateLimiter.install(
                new KubernetesClientBuilder().withConfig(kubernetes.client().getConfiguration()),
                limiter)
            .build()) {
      for (int i = 0; i < 5; i++) {
        client.configMaps().inNamespace(namespace).list();
      }
      assertThat(waits)
          .as("2 requests in the burst, then one every 250 ms")
          .containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
      waits.clear();
      now.addAndGet(Duration.ofSeconds(10).toNanos());
      Watch watch =
          client
              .configMaps()
              .inNamespace(namespace)
              .watch(
                  new Watcher<ConfigMap>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {}

                    @Override
                    public void onClose(WatcherException cause) {}
                  });
      client.configMaps().inNamespace(namespace).list();
      client.configMaps().inNamespace(namespace).list();
      assertThat(waits).as("a watch is not held, nor does it use up the burst").isEmpty();
      watch.close();
    }
  }
}
