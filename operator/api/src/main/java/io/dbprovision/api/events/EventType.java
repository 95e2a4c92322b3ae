package io.dbprovision.api.events;

/** The two Kubernetes event types, spelled as the API server stores them. */
public enum EventType {
  Normal,
  Warning
}
