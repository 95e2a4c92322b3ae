package io.dbprovision.exporter.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.LeaderElectionConfig;
import io.dbprovision.exporter.metrics.Scrape;
import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.pipeline.RecordingDispatcher;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.dbprovision.testkit.kubernetes.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas on one Lease: only the leader works; the follower takes over without repeating. */
@ExtendWith(MockKubernetesExtension.class)
class LeaderFailoverTest {
  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @Test
  void theFollowerTakesOverWhenTheLeaderStopsWithoutRepeatingAnything(MockKubernetes kubernetes)
      throws Exception {
    String namespace = kubernetes.newNamespace("ha");
    ClusterEvents events = new ClusterEvents(kubernetes.client(), namespace, clock);
    ExporterConfig config =
        new ConfigLoader(k -> null, true)
            .parse(
                """
                namespace: %s
                leaderElection:
                  enabled: true
                  leaderElectionID: event-exporter-test
                checkpoint:
                  configMap: event-exporter-checkpoint
                route:
                  routes:
                    - match:
                        - receiver: alerts
                receivers:
                  - name: alerts
                    stdout: {}
                """
                    .formatted(namespace),
                "test")
            .config();
    RecordingDispatcher recordingA = new RecordingDispatcher();
    RecordingDispatcher recordingB = new RecordingDispatcher();
    ExporterProcess a = replica(kubernetes, config, namespace, "replica-a", recordingA);
    await().atMost(Duration.ofSeconds(20)).until(a::isLeading);
    ExporterProcess b = replica(kubernetes, config, namespace, "replica-b", recordingB);
    await().atMost(Duration.ofSeconds(20)).until(() -> a.session().isPresent());

    events.create("first", 1);
    events.repeat("first", 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Occurrences.byEvent(recordingA).equals(Map.of("first", 2)));
    assertThat(b.isLeading()).isFalse();
    assertThat(b.health().readinessProblems()).isEmpty();
    assertThat(Scrape.of(b.port()).samples.get("dbprovision_exporter_leader")).isEqualTo(0.0);
    assertThat(Scrape.of(a.port()).samples.get("dbprovision_exporter_leader")).isEqualTo(1.0);

    a.close();
    events.repeat("first", 3);
    events.create("second", 2);
    await().atMost(Duration.ofSeconds(30)).until(b::isLeading);
    try (b) {
      events.create("third", 1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Occurrences.byEvent(recordingB).containsKey("third"));
    }

    assertThat(Occurrences.byEvent(recordingA)).isEqualTo(Map.of("first", 2));
    assertThat(Occurrences.byEvent(recordingA, recordingB))
        .isEqualTo(Map.of("first", 3, "second", 2, "third", 1));
  }

  @Test
  void aLeaderThatLosesItsLeaseStopsWorkingAndLeadsAgainLater(MockKubernetes kubernetes)
      throws Exception {
    String namespace = kubernetes.newNamespace("ha-lost");
    ClusterEvents events = new ClusterEvents(kubernetes.client(), namespace, clock);
    ExporterConfig config =
        new ConfigLoader(k -> null, true)
            .parse(
                """
                namespace: %s
                leaderElection:
                  enabled: true
                route:
                  routes:
                    - match:
                        - receiver: alerts
                receivers:
                  - name: alerts
                    stdout: {}
                """
                    .formatted(namespace),
                "test")
            .config();
    RecordingDispatcher recording = new RecordingDispatcher();
    try (ExporterProcess exporter =
        replica(kubernetes, config, namespace, "replica-a", recording)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> exporter.session().isPresent());

      // Another replica's claim that this one cannot renew over (as after a network partition).
      // The replica renews concurrently, so the edit may lose the optimistic-lock race (409):
      // claim again from the latest version until the claim lands.
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreException(KubernetesClientException.class)
          .until(() -> claimLeaseElsewhere(kubernetes, namespace) != null);

      await()
          .atMost(Duration.ofSeconds(8))
          .until(() -> !exporter.isLeading() && exporter.session().isEmpty());
      assertThat(exporter.health().readinessProblems()).isEmpty();

      // The other claim expires unrenewed: this replica leads again and works.
      await().atMost(Duration.ofSeconds(20)).until(() -> exporter.session().isPresent());
      events.create("after-leading-again", 1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Occurrences.byEvent(recording).equals(Map.of("after-leading-again", 1)));
    }
  }

  /** Sets another holder on the Lease, as a replica elsewhere would; throws on a 409 conflict. */
  private static Lease claimLeaseElsewhere(MockKubernetes kubernetes, String namespace) {
    return kubernetes
        .client()
        .leases()
        .inNamespace(namespace)
        .withName(LeaderElectionConfig.DEFAULT_ID)
        .edit(
            lease ->
                new LeaseBuilder(lease)
                    .editSpec()
                    .withHolderIdentity("replica-elsewhere")
                    .withLeaseDurationSeconds(8)
                    .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC))
                    .withAcquireTime(ZonedDateTime.now(ZoneOffset.UTC))
                    .endSpec()
                    .build());
  }

  private ExporterProcess replica(
      MockKubernetes kubernetes,
      ExporterConfig config,
      String namespace,
      String identity,
      RecordingDispatcher recording)
      throws Exception {
    ProcessSettings settings =
        new ProcessSettings(
            "127.0.0.1:0",
            namespace,
            identity,
            "test",
            Duration.ofSeconds(20),
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofMillis(1500),
            Duration.ofMillis(200));
    return ExporterProcess.start(
        kubernetes.newClient(),
        config,
        settings,
        (initial, current, renderer, registry) -> Delivery.of(recording),
        clock);
  }
}
