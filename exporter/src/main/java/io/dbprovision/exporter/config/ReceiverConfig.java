package io.dbprovision.exporter.config;

/** A named receiver and its one sink. */
public record ReceiverConfig(String name, Sink sink) {}
