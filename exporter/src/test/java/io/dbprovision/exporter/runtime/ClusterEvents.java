package io.dbprovision.exporter.runtime;

import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/** Writes Events of one namespace through the API, as the operator's recorder does. */
final class ClusterEvents {
  private final KubernetesClient client;
  private final String namespace;
  private final Clock clock;

  ClusterEvents(KubernetesClient client, String namespace, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
  }

  Event create(String name, int count) {
    String now = clock.instant().toString();
    return client
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(ResourceKind.API_VERSION)
                .withKind("Database")
                .withNamespace(namespace)
                .withName("orders")
                .endInvolvedObject()
                .withReason("ConnectionFailed")
                .withMessage("cannot connect (" + name + ")")
                .withType("Warning")
                .withCount(count)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withNewSource()
                .withComponent("db-provision-operator")
                .endSource()
                .build())
        .create();
  }

  /** The operator repeating an event: the count rises. */
  Event repeat(String name, int count) {
    String now = clock.instant().toString();
    return client
        .v1()
        .events()
        .inNamespace(namespace)
        .withName(name)
        .edit(e -> new EventBuilder(e).withCount(count).withLastTimestamp(now).build());
  }
}
