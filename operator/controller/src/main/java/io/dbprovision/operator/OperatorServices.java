package io.dbprovision.operator;

import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.events.EventRecorder;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * What the process shares with every reconciler: the Kubernetes client, the event recorder, the
 * metrics, the configuration (default drift interval, ...), the clock, and the {@link Shutdown} on
 * which reconcilers register what must be closed when the process stops.
 */
public record OperatorServices(
    KubernetesClient client,
    EventRecorder events,
    OperatorMetrics metrics,
    OperatorConfig config,
    Clock clock,
    Shutdown shutdown) {}
