package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.normalize.EventRecord;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What delivery hands a receiver: one event's alert, or a digest of events that queued up. */
public sealed interface Outgoing {

  /**
   * One event.
   *
   * @param repeats occurrences of the same object and reason held back by a cooldown since {@code
   *     since}; 0 when none
   */
  record Alert(EventRecord event, int repeats, Instant since) implements Outgoing {
    public static Alert of(EventRecord event) {
      return new Alert(event, 0, null);
    }
  }

  /**
   * Events that waited too long to go one by one, counted by type, reason and object.
   *
   * @param total every event the digest stands for
   * @param groups the largest groups, biggest first
   * @param others events not in {@code groups}
   */
  record Digest(int total, List<Group> groups, int others) implements Outgoing {
    public Digest {
      groups = List.copyOf(groups);
    }

    /** One kind of event in a digest. */
    public record Group(String type, String reason, String kind, String name, int count) {}

    /**
     * A one-line summary: {@code 37 more Warning events: 30× ConnectionFailed on
     * DatabaseInstance/pg-main, 7× DriftDetected on Database/app}.
     */
    public String summary() {
      List<String> types = groups.stream().map(Group::type).distinct().toList();
      String what = types.size() == 1 && others == 0 ? types.get(0) + " events" : "events";
      String parts =
          groups.stream()
              .map(g -> g.count() + "× " + g.reason() + " on " + g.kind() + "/" + g.name())
              .collect(Collectors.joining(", "));
      return total
          + " more "
          + what
          + ": "
          + parts
          + (others > 0 ? ", and " + others + " other" + (others == 1 ? "" : "s") : "");
    }
  }
}
