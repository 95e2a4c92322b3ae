package io.dbprovision.demo;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prints the Events of a namespace as they are written, one line each ({@code kubectl get events
 * -w}), including repeats (the count rising), and keeps them for the scenario to wait on.
 */
final class EventFeed implements AutoCloseable {
  private final Console console;
  private final List<Event> seen = new ArrayList<>();
  private final SharedIndexInformer<Event> informer;

  EventFeed(KubernetesClient client, String namespace, Console console) {
    this.console = console;
    this.informer =
        client
            .v1()
            .events()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Event event) {
                    show(event);
                  }

                  @Override
                  public void onUpdate(Event before, Event after) {
                    if (!Objects.equals(before.getCount(), after.getCount())) {
                      show(after);
                    }
                  }

                  @Override
                  public void onDelete(Event event, boolean unknownFinalState) {}
                });
  }

  private void show(Event event) {
    synchronized (seen) {
      seen.add(event);
      seen.notifyAll();
    }
    console.line(Console.Source.EVENT, describe(event));
  }

  /** {@code Warning Database/archive DeletionBlocked: <message> (x3)}. */
  static String describe(Event event) {
    Integer count = event.getCount();
    return String.format(
        "%-7s  %s/%s  %s: %s%s",
        event.getType(),
        event.getInvolvedObject().getKind(),
        event.getInvolvedObject().getName(),
        event.getReason(),
        event.getMessage(),
        count != null && count > 1 ? " (x" + count + ")" : "");
  }

  /**
   * Waits for an Event about {@code kind/name} with {@code reason}.
   *
   * @throws ScenarioFailure when none arrives in time
   */
  void await(String kind, String name, String reason, Duration patience)
      throws ScenarioFailure, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (seen) {
      while (seen.stream().noneMatch(e -> matches(e, kind, name, reason))) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new ScenarioFailure(
              "no "
                  + reason
                  + " Event on "
                  + kind
                  + "/"
                  + name
                  + " within "
                  + patience.toSeconds()
                  + "s");
        }
        seen.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private static boolean matches(Event event, String kind, String name, String reason) {
    return kind.equals(event.getInvolvedObject().getKind())
        && name.equals(event.getInvolvedObject().getName())
        && reason.equals(event.getReason());
  }

  @Override
  public void close() {
    informer.close();
  }
}
