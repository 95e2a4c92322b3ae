package io.dbprovision.exporter.watch;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Event informers' cache, kept small: per Event only what the informer itself needs (its key
 * and resource version) and what a deletion needs downstream (uid, type, involved object), not the
 * whole object with its message, timestamps, source and managed fields. The exporter never reads an
 * Event back from the cache (the handler copies each one as it arrives), but the informer keeps
 * every Event of the cluster there, which in a storm of 100,000 Events is most of the process's
 * memory. What the informer hands back from the cache (the previous object of an update, the last
 * state of a deleted Event) is rebuilt from these fields.
 */
final class CompactEventStore implements ItemStore<Event> {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * What is kept of one Event besides its key ({@code namespace/name}). Values that repeat across
   * Events (type, the involved object's group, kind, namespace and name) are interned, so that a
   * storm on a few objects stores them once.
   */
  private record Entry(
      String uid,
      String resourceVersion,
      String type,
      String involvedApiVersion,
      String involvedKind,
      String involvedNamespace,
      String involvedName,
      String involvedUid) {

    static Entry of(Event event) {
      ObjectMeta meta = event.getMetadata() == null ? new ObjectMeta() : event.getMetadata();
      ObjectReference involved =
          event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
      return new Entry(
          meta.getUid(),
          meta.getResourceVersion(),
          intern(event.getType()),
          intern(involved.getApiVersion()),
          intern(involved.getKind()),
          intern(involved.getNamespace()),
          intern(involved.getName()),
          involved.getUid());
    }

    Event event(String key) {
      int slash = key.indexOf('/');
      return new EventBuilder()
          .withNewMetadata()
          .withNamespace(slash < 0 ? null : key.substring(0, slash))
          .withName(key.substring(slash + 1))
          .withUid(uid)
          .withResourceVersion(resourceVersion)
          .endMetadata()
          .withType(type)
          .withNewInvolvedObject()
          .withApiVersion(involvedApiVersion)
          .withKind(involvedKind)
          .withNamespace(involvedNamespace)
          .withName(involvedName)
          .withUid(involvedUid)
          .endInvolvedObject()
          .build();
    }

    private static String intern(String value) {
      return value == null ? null : value.intern();
    }
  }

  private static Event event(String key, Entry entry) {
    return entry == null ? null : entry.event(key);
  }

  @Override
  public String getKey(Event event) {
    return Cache.metaNamespaceKeyFunc(event);
  }

  @Override
  public Event put(String key, Event event) {
    return event(key, entries.put(key, Entry.of(event)));
  }

  @Override
  public Event remove(String key) {
    return event(key, entries.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return entries.keySet().stream();
  }

  @Override
  public Stream<Event> values() {
    return entries.entrySet().stream().map(e -> e.getValue().event(e.getKey()));
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public Event get(String key) {
    return event(key, entries.get(key));
  }
}
