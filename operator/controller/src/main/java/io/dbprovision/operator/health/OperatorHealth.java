package io.dbprovision.operator.health;

import io.dbprovision.operator.events.EventRecorder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.util.Map;
import java.util.TreeSet;

/**
 * What liveness and readiness mean for this operator.
 *
 * <ul>
 *   <li><b>Liveness</b> fails when a restart would help: the event recorder's worker died, or, once
 *       started, an informer of the JOSDK operator stopped watching or lost its cache sync.
 *   <li><b>Readiness</b> passes once startup finished: JOSDK's {@code start()} returns only after
 *       every informer synced. With leader election, a standby replica is ready too: it has started
 *       and its caches are warm; it just does not reconcile until it leads.
 * </ul>
 *
 * <p>The operator may be absent while no reconciler is registered; then only the recorder counts.
 */
public final class OperatorHealth {
  private final Operator operator;
  private final EventRecorder recorder;
  private volatile boolean started;

  /**
   * @param operator the JOSDK operator, or {@code null} when no reconciler is registered
   */
  public OperatorHealth(Operator operator, EventRecorder recorder) {
    this.operator = operator;
    this.recorder = recorder;
  }

  /** Startup finished: the servers listen and the operator (if any) started. */
  public void markStarted() {
    started = true;
  }

  public HealthStatus liveness() {
    if (!recorder.isRunning()) {
      return HealthStatus.failing("event recorder stopped");
    }
    if (operator != null) {
      RuntimeInfo runtime = operator.getRuntimeInfo();
      if (runtime.isStarted() && !runtime.allEventSourcesAreHealthy()) {
        return HealthStatus.failing("unhealthy event sources: " + unhealthy(runtime));
      }
    }
    return HealthStatus.ok("ok");
  }

  public HealthStatus readiness() {
    if (!started) {
      return HealthStatus.failing("starting: informers not synced yet");
    }
    if (operator != null && !operator.getRuntimeInfo().isStarted()) {
      return HealthStatus.failing("operator stopped");
    }
    return HealthStatus.ok("ok");
  }

  private static String unhealthy(RuntimeInfo runtime) {
    TreeSet<String> names = new TreeSet<>();
    for (Map.Entry<String, ? extends Map<String, ?>> controller :
        runtime.unhealthyEventSources().entrySet()) {
      controller
          .getValue()
          .keySet()
          .forEach(source -> names.add(controller.getKey() + "/" + source));
    }
    return String.join(", ", names);
  }
}
