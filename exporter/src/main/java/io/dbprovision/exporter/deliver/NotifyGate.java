package io.dbprovision.exporter.deliver;

import io.dbprovision.exporter.config.NotifyConfig;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.receiver.Outgoing;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A receiver's {@code notify} policy. The key is the involved object and the reason: {@code every}
 * lets all through; {@code first} only the first per key; {@code cooldown} the first, then again
 * once the cooldown has passed, reporting how many were held back since when.
 *
 * <p>The state is bounded ({@value #MAX_KEYS} keys): expired cooldowns go first, then the least
 * recently notified key, which can therefore notify again sooner than its policy says.
 */
final class NotifyGate {
  static final int MAX_KEYS = 10_000;

  private final NotifyConfig policy;
  private final Clock clock;
  private final LinkedHashMap<String, State> states = new LinkedHashMap<>(16, 0.75f, true);

  private static final class State {
    Instant notifiedAt;
    int held;
    Instant heldSince;
  }

  NotifyGate(NotifyConfig policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** The alert to send, or empty when the policy holds this event back. */
  synchronized Optional<Outgoing.Alert> admit(EventRecord event) {
    if (policy.mode() == NotifyConfig.Mode.EVERY) {
      return Optional.of(Outgoing.Alert.of(event));
    }
    Instant now = clock.instant();
    String key =
        event.involvedObject().apiVersion()
            + "|"
            + event.involvedObject().kind()
            + "|"
            + event.involvedObject().namespace()
            + "|"
            + event.involvedObject().name()
            + "|"
            + event.reason();
    State state = states.get(key);
    if (state == null) {
      state = new State();
      state.notifiedAt = now;
      states.put(key, state);
      evictBeyondBound(now);
      return Optional.of(Outgoing.Alert.of(event));
    }
    boolean open =
        policy.mode() == NotifyConfig.Mode.COOLDOWN
            && !now.isBefore(state.notifiedAt.plus(policy.cooldown()));
    if (!open) {
      if (state.held++ == 0) {
        state.heldSince = now;
      }
      return Optional.empty();
    }
    Outgoing.Alert alert = new Outgoing.Alert(event, state.held, state.heldSince);
    state.notifiedAt = now;
    state.held = 0;
    state.heldSince = null;
    return Optional.of(alert);
  }

  private void evictBeyondBound(Instant now) {
    if (states.size() <= MAX_KEYS) {
      return;
    }
    if (policy.mode() == NotifyConfig.Mode.COOLDOWN) {
      // Expired cooldowns with nothing held carry no information.
      states
          .values()
          .removeIf(s -> s.held == 0 && !now.isBefore(s.notifiedAt.plus(policy.cooldown())));
    }
    Iterator<Map.Entry<String, State>> oldest = states.entrySet().iterator();
    while (states.size() > MAX_KEYS && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }
}
