package io.dbprovision.operator.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dbprovision.operator.config.ListenAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /healthz} (liveness) and {@code /readyz} (readiness) on the JDK's HTTP server: 200
 * with {@code ok} when the check passes, 503 with the reason when it does not.
 */
public final class HealthServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HealthServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private HealthServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds the address and starts serving; fails if the address is taken. */
  public static HealthServer start(
      ListenAddress address, HealthCheck liveness, HealthCheck readiness) {
    HttpServer server;
    try {
      server = HttpServer.create(address.toSocketAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on " + address, e);
    }
    server.createContext("/healthz", exchange -> answer(exchange, liveness));
    server.createContext("/readyz", exchange -> answer(exchange, readiness));
    server.createContext("/", exchange -> respond(exchange, 404, "not found\n"));
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "health-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new HealthServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void answer(HttpExchange exchange, HealthCheck check) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
      respond(exchange, 404, "not found\n");
      return;
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      respond(exchange, 405, "method not allowed\n");
      return;
    }
    HealthStatus status;
    try {
      status = check.check();
    } catch (RuntimeException e) {
      log.warn("Health check {} failed with an exception", exchange.getHttpContext().getPath(), e);
      status = HealthStatus.failing("check failed: " + e.getClass().getSimpleName());
    }
    respond(exchange, status.ok() ? 200 : 503, status.detail() + "\n");
  }

  private static void respond(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }
}
