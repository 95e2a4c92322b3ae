package io.dbprovision.exporter.metrics;

import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * Serves a registry on {@code /metrics} at a Go-style listen address ({@code :2112}), and, when
 * given, the health checks on the same port.
 */
public final class MetricsServer implements AutoCloseable {
  public static final String DEFAULT_ADDRESS = ":2112";

  private final HTTPServer server;

  private MetricsServer(HTTPServer server) {
    this.server = server;
  }

  /**
   * @param address {@code [host]:port}; an empty host listens on every interface, port 0 picks a
   *     free port
   */
  public static MetricsServer start(String address, PrometheusRegistry registry)
      throws IOException {
    return start(address, registry, null);
  }

  /**
   * @param otherPaths answers every path but {@code /metrics} (health checks); null for none
   */
  public static MetricsServer start(
      String address, PrometheusRegistry registry, HttpHandler otherPaths) throws IOException {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("metrics address must be [host]:port, got " + address);
    }
    String host = address.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("metrics address must be [host]:port, got " + address, e);
    }
    HTTPServer.Builder builder = HTTPServer.builder().port(port).registry(registry);
    if (otherPaths != null) {
      builder.defaultHandler(otherPaths).registerHealthHandler(false);
    }
    if (!host.isEmpty()) {
      builder.hostname(host);
    }
    return new MetricsServer(builder.buildAndStart());
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
