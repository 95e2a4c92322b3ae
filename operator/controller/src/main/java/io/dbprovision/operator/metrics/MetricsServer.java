package io.dbprovision.operator.metrics;

import io.dbprovision.operator.config.ListenAddress;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** Serves a registry on {@code /metrics} (Prometheus text, OpenMetrics or protobuf, as asked). */
public final class MetricsServer implements AutoCloseable {
  private final HTTPServer server;

  private MetricsServer(HTTPServer server) {
    this.server = server;
  }

  /** Binds the address and starts serving; fails if the address is taken. */
  public static MetricsServer start(ListenAddress address, PrometheusRegistry registry) {
    InetSocketAddress socket = address.toSocketAddress();
    try {
      return new MetricsServer(
          HTTPServer.builder()
              .inetAddress(socket.getAddress())
              .port(socket.getPort())
              .registry(registry)
              .buildAndStart());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + address, e);
    }
  }

  /** The bound port (the chosen one when the address asked for port 0). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
