package io.dbprovision.exporter.deliver;

import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.receiver.Outgoing;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts events for a digest by type, reason and object in bounded memory: at most {@value
 * #MAX_GROUPS} groups are kept, further kinds of event only raise the "others" count.
 */
final class DigestBuilder {
  static final int MAX_GROUPS = 100;
  static final int SHOWN_GROUPS = 10;

  private record Key(String type, String reason, String kind, String name) {}

  private final Map<Key, Integer> groups = new LinkedHashMap<>();
  private int total;
  private int others;

  void add(EventRecord event) {
    total++;
    Key key =
        new Key(
            event.type(),
            event.reason(),
            event.involvedObject().kind(),
            event.involvedObject().name());
    Integer count = groups.get(key);
    if (count != null) {
      groups.put(key, count + 1);
    } else if (groups.size() < MAX_GROUPS) {
      groups.put(key, 1);
    } else {
      others++;
    }
  }

  int total() {
    return total;
  }

  /** The digest so far; the biggest groups are named, the rest counted as others. */
  Outgoing.Digest build() {
    List<Outgoing.Digest.Group> sorted =
        groups.entrySet().stream()
            .sorted(Map.Entry.<Key, Integer>comparingByValue(Comparator.reverseOrder()))
            .map(
                e ->
                    new Outgoing.Digest.Group(
                        e.getKey().type(),
                        e.getKey().reason(),
                        e.getKey().kind(),
                        e.getKey().name(),
                        e.getValue()))
            .toList();
    List<Outgoing.Digest.Group> shown = sorted.subList(0, Math.min(SHOWN_GROUPS, sorted.size()));
    int hidden = sorted.stream().skip(shown.size()).mapToInt(Outgoing.Digest.Group::count).sum();
    return new Outgoing.Digest(total, shown, others + hidden);
  }
}
