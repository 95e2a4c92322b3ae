package io.dbprovision.operator.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes core/v1 Events through fabric8: a create for a new Event, a JSON merge patch of {@code
 * count}, {@code lastTimestamp} and {@code message} for a repeat (merge patches work on every API
 * server, the strategic merge patch client-go sends does not work on the test server).
 */
public final class KubernetesEventSink implements EventSink {
  private final KubernetesClient client;
  private final String component;
  private final String instance;

  /**
   * @param component {@code source.component} and {@code reportingComponent} of every Event
   * @param instance {@code reportingInstance}: the pod name of this replica
   */
  public KubernetesEventSink(KubernetesClient client, String component, String instance) {
    this.client = client;
    this.component = component;
    this.instance = instance;
  }

  @Override
  public void create(EventWrite write) throws EventSinkException {
    InvolvedObject object = write.object();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(write.name())
            .withNamespace(write.namespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(object.apiVersion())
            .withKind(object.kind())
            .withNamespace(object.namespace())
            .withName(object.name())
            .withUid(object.uid())
            .withResourceVersion(object.resourceVersion())
            .endInvolvedObject()
            .withType(write.event().type().name())
            .withReason(write.event().reason())
            .withMessage(write.message())
            .withCount(write.count())
            .withFirstTimestamp(timestamp(write.firstTimestamp()))
            .withLastTimestamp(timestamp(write.lastTimestamp()))
            .withNewSource()
            .withComponent(component)
            .endSource()
            .withReportingComponent(component)
            .withReportingInstance(instance)
            .build();
    try {
      client.v1().events().inNamespace(write.namespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      throw classify("create", write, e);
    }
  }

  @Override
  public void patch(EventWrite write) throws EventSinkException {
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("count", write.count());
    changes.put("lastTimestamp", timestamp(write.lastTimestamp()));
    changes.put("message", write.message());
    try {
      client
          .v1()
          .events()
          .inNamespace(write.namespace())
          .withName(write.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(changes));
    } catch (KubernetesClientException e) {
      throw classify("patch", write, e);
    }
  }

  /** Event timestamps are {@code metav1.Time}: RFC 3339 in whole seconds. */
  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static EventSinkException classify(
      String verb, EventWrite write, KubernetesClientException e) {
    // fabric8 reports no HTTP status (0 or -1) when the request never got an answer.
    int code = e.getCode();
    EventSinkException.Cause cause;
    if (code == 404) {
      cause = EventSinkException.Cause.NOT_FOUND;
    } else if (code <= 0 || code == 408 || code == 429 || code >= 500) {
      cause = EventSinkException.Cause.UNAVAILABLE;
    } else {
      cause = EventSinkException.Cause.REJECTED;
    }
    return new EventSinkException(
        cause,
        "cannot "
            + verb
            + " Event "
            + write.namespace()
            + "/"
            + write.name()
            + " (HTTP "
            + code
            + ")",
        e);
  }
}
