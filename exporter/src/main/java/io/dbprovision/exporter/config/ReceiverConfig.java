package io.dbprovision.exporter.config;

/** A named receiver, its one sink and its {@code notify} policy. */
public record ReceiverConfig(String name, Sink sink, NotifyConfig notifyPolicy) {

  /** A receiver with the default policy of its sink. */
  public ReceiverConfig(String name, Sink sink) {
    this(name, sink, NotifyConfig.defaultFor(sink));
  }
}
