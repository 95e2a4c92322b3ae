package io.dbprovision.exporter.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An API server stand-in for the storm, serving only what the exporter asks for: empty lists and
 * open watches of the operator's kinds, an empty Event list, and one Event watch that streams every
 * Event handed to {@link #create} as an {@code ADDED} notification, as the API server does.
 *
 * <p>Why not the fabric8 CRUD mock: its create scans the whole store, so creation slows down as
 * Events accumulate (measured: about 250 creations/s at first, 40/s after 28,000), and 100,000
 * Events in a minute are out of its reach. Here creating an Event costs the same at any count, so
 * the figures are the exporter's. The exporter's informer still keeps all 100,000 Events in its
 * cache, as it would against a real API server.
 *
 * <p>WebSocket upgrades are refused (200 without upgrade), after which fabric8 watches over a plain
 * HTTP stream.
 */
final class StormApiServer implements AutoCloseable {
  private static final String OPERATOR_GROUP = "/apis/" + ResourceKind.API_VERSION + "/";

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final BlockingQueue<byte[]> notifications = new LinkedBlockingQueue<>();
  private final AtomicLong resourceVersion = new AtomicLong(1000);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final String namespace;

  private StormApiServer(HttpServer server, String namespace) {
    this.server = server;
    this.namespace = namespace;
  }

  static StormApiServer start(String namespace) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    StormApiServer api = new StormApiServer(server, namespace);
    server.createContext("/", api::handle);
    server.setExecutor(api.handlers);
    server.start();
    return api;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Stores the Event (uid, resourceVersion, creation time) and streams it to the watch. */
  void create(Event event) {
    event.getMetadata().setUid(UUID.randomUUID().toString());
    event.getMetadata().setResourceVersion(Long.toString(resourceVersion.incrementAndGet()));
    event.getMetadata().setCreationTimestamp(Instant.now().toString());
    String line = "{\"type\":\"ADDED\",\"object\":" + Serialization.asJson(event) + "}\n";
    notifications.add(line.getBytes(StandardCharsets.UTF_8));
  }

  /** Notifications not yet written to the exporter's watch. */
  int pending() {
    return notifications.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      boolean watch = Arrays.asList(query.split("&")).contains("watch=true");
      if ("websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade"))) {
        // Not upgraded: fabric8 then watches over a plain HTTP stream (a 503 it would retry).
        respond(exchange, 200, status(200, "WebSocketNotSupported"));
      } else if (watch && path.equals("/api/v1/namespaces/" + namespace + "/events")) {
        streamEvents(exchange);
      } else if (watch) {
        holdOpen(exchange);
      } else {
        Optional<String> kind = listKind(path);
        if (kind.isPresent()) {
          respond(
              exchange,
              200,
              "{\"apiVersion\":\"v1\",\"kind\":\""
                  + kind.get()
                  + "\",\"metadata\":{\"resourceVersion\":\""
                  + resourceVersion.get()
                  + "\"},\"items\":[]}");
        } else {
          respond(exchange, 404, status(404, "NotFound"));
        }
      }
    }
  }

  /** The list kind of a collection the exporter lists, or empty for anything else. */
  private Optional<String> listKind(String path) {
    if (path.equals("/api/v1/namespaces/" + namespace + "/events")) {
      return Optional.of("EventList");
    }
    String prefix = OPERATOR_GROUP + "namespaces/" + namespace + "/";
    String plural = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    return Arrays.stream(ResourceKind.values())
        .filter(k -> k.plural().equals(plural))
        .map(k -> k.kind() + "List")
        .findFirst();
  }

  private void streamEvents(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    try {
      while (closed.getCount() > 0) {
        byte[] next = notifications.poll(200, TimeUnit.MILLISECONDS);
        if (next == null) {
          continue;
        }
        body.write(next);
        for (byte[] more = notifications.poll(); more != null; more = notifications.poll()) {
          body.write(more);
        }
        body.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void holdOpen(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    exchange.getResponseBody().flush();
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String status(int code, String reason) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\""
        + reason
        + "\",\"code\":"
        + code
        + "}";
  }

  private static void respond(HttpExchange exchange, int code, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
